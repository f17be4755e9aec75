using Rpa.Engine.Activities;
using Rpa.Engine.Model;

namespace Rpa.Engine.Execution;

/// <summary>
/// A validated bot ready to run: activity instances with their expressions parsed. Compile once, run many times;
/// it holds no run state, so runs can share it.
/// </summary>
public sealed class CompiledBot
{
    internal CompiledBot(BotDefinition definition, Activity root, IReadOnlyDictionary<string, Activity> activities, string? location)
    {
        Definition = definition;
        Root = root;
        Activities = activities;
        Location = location;
        CanSuspend = activities.Values.Any(a => a is IBookmarkActivity or Rpa.Engine.Activities.ControlFlow.RunBot);
    }

    /// <summary>True when the bot may pause (it waits for an approval or runs another bot): runs then keep replay records.</summary>
    public bool CanSuspend { get; }

    public BotDefinition Definition { get; }

    public string Name => Definition.Name;

    public Activity Root { get; }

    /// <summary>Every activity of the bot by id.</summary>
    public IReadOnlyDictionary<string, Activity> Activities { get; }

    /// <summary>The folder the bot was loaded from, if any: relative paths of RunBot resolve against it.</summary>
    public string? Location { get; }
}
