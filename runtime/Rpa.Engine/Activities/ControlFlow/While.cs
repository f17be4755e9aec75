using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "While", Description = "Runs its body as long as the condition holds, checked before each round; stops with an error after the maximum number of rounds.")]
public sealed class While : Activity
{
    [Input(Required = true, Description = "Checked before each round, usually a JavaScript expression such as `page < pages`.")]
    public Input<bool> Condition { get; set; } = new();

    [Input(Description = "A guard against endless loops: the activity fails after this many rounds.")]
    public Input<int> MaxIterations { get; set; } = new(100_000);

    [Slot(Description = "Runs once per round.")]
    public Activity? Body { get; set; }

    public override IEnumerable<string> Validate()
    {
        if (MaxIterations.IsLiteral && MaxIterations.LiteralValue < 1) yield return "maxIterations must be 1 or more";
    }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var max = context.Get(MaxIterations);
        var round = 0;
        while (context.Get(Condition))
        {
            if (round == max) throw new ActivityException($"the loop ran {max.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} rounds and its condition still holds; raise maxIterations if that is expected");
            if (Body is not null) await context.RunAsync(Body, iteration: round).ConfigureAwait(false);
            round++;
        }

        context.Entry.RecordOutput("rounds", round);
    }
}
