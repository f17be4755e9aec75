using System.Text.Json.Nodes;

namespace Rpa.Engine.Model;

/// <summary>
/// A bot as an automation engineer wrote it: arguments, variables and one root activity
/// (usually a Flowchart or a Sequence). Read from bot.json or built in C#; both give this record.
/// </summary>
public sealed record BotDefinition
{
    /// <summary>The version of the bot.json format this definition follows.</summary>
    public const int CurrentFormatVersion = 1;

    public required string Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The bot's own version, a positive number the runtime raises on every save.</summary>
    public int Version { get; init; } = 1;

    public IReadOnlyList<ArgumentDefinition> Inputs { get; init; } = [];

    public IReadOnlyList<ArgumentDefinition> Outputs { get; init; } = [];

    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];

    public required ActivityDefinition Root { get; init; }

    /// <summary>Properties the engine does not interpret (designer settings, triggers, tags), kept as written.</summary>
    public JsonObject? Extensions { get; init; }

    /// <summary>All activities of the bot, depth first, the root first.</summary>
    public IEnumerable<ActivityDefinition> AllActivities() => Root.DescendantsAndSelf();
}
