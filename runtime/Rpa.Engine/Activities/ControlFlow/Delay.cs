using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "Delay", Description = "Waits the given number of seconds (cancellable).")]
public sealed class Delay : Activity
{
    [Input(Required = true, Description = "Seconds to wait; fractions allowed.")]
    public Input<decimal> Seconds { get; set; } = new();

    public override IEnumerable<string> Validate()
    {
        if (Seconds.IsSet && Seconds.IsLiteral && Seconds.LiteralValue < 0) yield return "seconds cannot be negative";
    }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var seconds = context.Get(Seconds);
        if (seconds < 0) throw new ActivityException($"seconds cannot be negative ({seconds})");
        await Task.Delay(TimeSpan.FromSeconds((double)seconds), context.Time, context.CancellationToken).ConfigureAwait(false);
    }
}
