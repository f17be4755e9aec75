namespace Rpa.Runtime.Triggers;

/// <summary>A bot's triggers and its concurrency limit, read from its bot.json (<see cref="TriggerReader"/>).</summary>
public sealed record BotTriggers(IReadOnlyList<TriggerDefinition> Triggers, int? MaxConcurrency)
{
    public static readonly BotTriggers None = new([], null);

    public TriggerDefinition? Find(string name) => Triggers.FirstOrDefault(t => t.Name == name);
}
