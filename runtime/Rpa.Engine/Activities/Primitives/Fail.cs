using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.Primitives;

[Activity("Diagnostics", "Fail", Description = "Fails the run (or the enclosing Try / catch) with a message: for business rules a bot must not pass.")]
public sealed class Fail : Activity
{
    [Input(Required = true, Description = "Why the bot stops, for the person who reads the run.")]
    public Input<string> Message { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context) => throw new ActivityException(context.Get(Message));
}
