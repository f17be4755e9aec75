using System.Collections.Concurrent;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Tests.Support;

/// <summary>What <see cref="RecordSideEffect"/> activities did: a stand-in for an e-mail sent or a file written.</summary>
public sealed class SideEffectLog
{
    public ConcurrentQueue<string> Effects { get; } = new();
}

/// <summary>Test activity with a side effect: appends its text to the <see cref="SideEffectLog"/> service and returns a counter.</summary>
[Activity("Testing", "Record side effect")]
public sealed class RecordSideEffect : Activity
{
    [Input(Required = true)]
    public Input<string> Text { get; set; } = new();

    [Output]
    public Output<int> Count { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var log = context.GetRequiredService<SideEffectLog>();
        log.Effects.Enqueue(context.Get(Text));
        context.Set(Count, log.Effects.Count);
        return ValueTask.CompletedTask;
    }
}
