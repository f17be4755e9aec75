using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Benchmarks.Activities;

/// <summary>Reads one literal input and does nothing else: the cost of <c>context.Get</c> and of recording the input in the journal.</summary>
[Activity("Benchmarks", "No-op with an input", Description = "Reads one literal text input and does nothing else; the benchmarks use it to measure the cost of reading an input.")]
public sealed class NoOpWithInput : Activity
{
    [Input(Description = "Any text; it is read and recorded in the journal, nothing else.")]
    public Input<string> Text { get; set; } = new("");

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.Get(Text);
        return ValueTask.CompletedTask;
    }
}
