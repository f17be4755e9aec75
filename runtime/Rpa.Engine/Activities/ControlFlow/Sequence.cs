using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "Sequence", Description = "Runs its activities one after another; stops at the first that fails.")]
public sealed class Sequence : Activity
{
    [Slot(Description = "The activities to run, in order.")]
    public IReadOnlyList<Activity> Activities { get; set; } = [];

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        foreach (var activity in Activities)
        {
            await context.RunAsync(activity).ConfigureAwait(false);
        }
    }
}
