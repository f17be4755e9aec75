using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Benchmarks.Activities;

/// <summary>Does nothing: what a run costs per activity is then the engine's own cost (journal entry, context, await).</summary>
[Activity("Benchmarks", "No-op", Description = "Does nothing; the benchmarks use it to measure the engine's own cost per activity.")]
public sealed class NoOp : Activity
{
    public override ValueTask ExecuteAsync(ActivityContext context) => ValueTask.CompletedTask;
}
