using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.ControlFlow;

/// <summary>
/// Where paths of a flowchart meet: the flowchart runs a Join only once every connection leading to it has been
/// followed (since it last ran), so what comes after it runs once, not once per path. It does nothing itself.
/// </summary>
[Activity("Control flow", "Join", Description = "In a flowchart, waits until every connection leading to it has been followed, then goes on once (what follows runs once, not once per path). After an If whose branches meet, no Join is needed: only one branch runs.")]
public sealed class Join : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}
