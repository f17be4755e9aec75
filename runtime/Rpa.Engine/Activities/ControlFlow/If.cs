using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "If", Description = "Runs 'then' when the condition holds, else 'else'. In a flowchart, ends with outcome True or False.",
    Outcomes = [Outcomes.True, Outcomes.False])]
public sealed class If : Activity
{
    [Input(Required = true, Description = "The condition, usually a JavaScript expression such as `total > 1000`.")]
    public Input<bool> Condition { get; set; } = new();

    [Slot(Description = "Runs when the condition is true.")]
    public Activity? Then { get; set; }

    [Slot(Description = "Runs when the condition is false.")]
    public Activity? Else { get; set; }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var condition = context.Get(Condition);
        context.Outcome = condition ? Outcomes.True : Outcomes.False;
        var branch = condition ? Then : Else;
        if (branch is not null) await context.RunAsync(branch).ConfigureAwait(false);
    }
}
