namespace Rpa.Host.Api;

/// <summary>A bot's published triggers and its concurrency limit (null: no limit).</summary>
public sealed record BotTriggersResponse(string Bot, int? PublishedVersion, int? MaxConcurrency, TriggerResponse[] Triggers);
