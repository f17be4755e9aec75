using System.Text.Json.Nodes;

namespace Rpa.Host.Api;

/// <summary>
/// A trigger of a bot's published version as the API shows it. Fields that do not apply to its type are null:
/// schedules have cron, timeZone and nextFireAt; webhooks url and hasSecret; file drops folder, pattern and input.
/// </summary>
public sealed record TriggerResponse(
    string Bot,
    int Version,
    string Name,
    string Type,
    string RunTrigger,
    string? Cron,
    string? TimeZone,
    DateTimeOffset? NextFireAt,
    string? Url,
    bool? HasSecret,
    string? Folder,
    string? Pattern,
    string? Input,
    JsonNode? Inputs,
    TriggerRunResponse? LastRun);
