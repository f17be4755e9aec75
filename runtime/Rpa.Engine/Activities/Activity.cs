using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities;

/// <summary>
/// The base of every activity. An activity is a small sealed class with <see cref="Input{T}"/> and
/// <see cref="Output{T}"/> properties, an <see cref="ActivityAttribute"/>, and one <see cref="ExecuteAsync"/>.
/// One instance serves every run of a bot, so an activity keeps no run state in fields.
/// </summary>
public abstract class Activity
{
    /// <summary>The id from the bot definition, unique within the bot.</summary>
    public string Id { get; internal set; } = "";

    /// <summary>The type name used in bot.json.</summary>
    public string TypeName { get; internal set; } = "";

    public string? DisplayName { get; internal set; }

    /// <summary>Ids from the root to this activity, joined by '/'.</summary>
    public string NodePath { get; internal set; } = "";

    /// <summary>True for activities that run no other activities: a paused run replays what they did instead of running them again.</summary>
    internal bool IsLeaf { get; set; }

    /// <summary>Runs the activity. Read inputs with <c>context.Get</c>, write outputs with <c>context.Set</c>,
    /// choose an outcome with <see cref="ActivityContext.Outcome"/>; throw to fail.</summary>
    public abstract ValueTask ExecuteAsync(ActivityContext context);

    /// <summary>Outcomes that depend on the inputs (a Switch's cases); null when the attribute's list applies.</summary>
    public virtual IReadOnlyList<string>? GetDynamicOutcomes() => null;

    /// <summary>Variables this activity declares for the children in <paramref name="slot"/> (a loop's item, a catch's error).</summary>
    public virtual IEnumerable<string> GetScopeVariables(string slot) => [];

    /// <summary>Checks that need more than one input; called after the inputs are bound, before any run.</summary>
    public virtual IEnumerable<string> Validate() => [];

    public override string ToString() => $"{TypeName} '{Id}'";
}
