using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Tests.Support;

/// <summary>
/// Test activity: fails the first <see cref="Failures"/> times it runs at its place in a run, then succeeds.
/// It counts its earlier executions in the run's journal, so it keeps no state between runs.
/// </summary>
[Activity("Testing", "Fail times")]
public sealed class FailTimes : Activity
{
    [Input(Description = "How many executions fail before one succeeds.")]
    public Input<int> Failures { get; set; } = new(1);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var failures = context.Get(Failures);
        var attempt = context.Run.Journal.Entries.Count(e => e.Path == context.Entry.Path);
        if (attempt <= failures) throw new ActivityException($"attempt {attempt} failed");
        context.Entry.RecordOutput("attempt", attempt);
        return ValueTask.CompletedTask;
    }
}
