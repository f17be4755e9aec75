using System.Runtime.ExceptionServices;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "Try / catch", Description = "Runs 'try'; if it fails, runs 'catch' with the error in a variable (message, activityId, activityType, path, cause). 'finally' runs after either. Without 'catch' the error is swallowed.")]
public sealed class TryCatch : Activity
{
    [Input(LiteralOnly = true, Description = "The variable that holds the error inside 'catch'.")]
    public Input<string> ErrorVariable { get; set; } = new("error");

    [Slot(Description = "The activity to protect.")]
    public Activity? Try { get; set; }

    [Slot(Description = "Runs when 'try' fails.")]
    public Activity? Catch { get; set; }

    [Slot(Description = "Runs after 'try' (and 'catch'), whether or not it failed.")]
    public Activity? Finally { get; set; }

    public override IEnumerable<string> GetScopeVariables(string slot) => slot == "catch" ? [ErrorVariable.LiteralValue] : [];

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        ActivityFaultException? unhandled = null;
        try
        {
            if (Try is not null) await context.RunAsync(Try).ConfigureAwait(false);
        }
        catch (ActivityFaultException fault)
        {
            var error = fault.Error;
            context.Entry.RecordOutput("caught", error.Message);
            context.Logger.LogCaught(error.ActivityId, error.Message);
            if (Catch is not null)
            {
                var scope = new VariableScope(context.Scope);
                scope.Declare(ErrorVariable.LiteralValue, DataType.Object, new Dictionary<string, object?>
                {
                    ["message"] = error.Message,
                    ["activityId"] = error.ActivityId,
                    ["activityType"] = error.ActivityType,
                    ["path"] = error.Path,
                    ["cause"] = error.Cause,
                });
                try
                {
                    await context.RunAsync(Catch, scope).ConfigureAwait(false);
                }
                catch (ActivityFaultException again)
                {
                    unhandled = again;
                }
            }
        }

        if (Finally is not null) await context.RunAsync(Finally).ConfigureAwait(false);
        if (unhandled is not null) ExceptionDispatchInfo.Throw(unhandled);
    }
}
