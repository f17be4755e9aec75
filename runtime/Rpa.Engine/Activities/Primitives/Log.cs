using Microsoft.Extensions.Logging;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.Primitives;

[Activity("Diagnostics", "Log", Description = "Writes a message to the run's log (with RunId, Bot and ActivityId).")]
public sealed class Log : Activity
{
    [Input(Required = true, Description = "The message, often a Liquid template such as `Processed {{ count }} rows`.")]
    public Input<string> Message { get; set; } = new();

    [Input(Description = "Debug, Information, Warning or Error.")]
    public Input<LogLevelOption> Level { get; set; } = new(LogLevelOption.Information);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var message = context.Get(Message);
        var level = context.Get(Level) switch
        {
            LogLevelOption.Debug => LogLevel.Debug,
            LogLevelOption.Warning => LogLevel.Warning,
            LogLevelOption.Error => LogLevel.Error,
            _ => LogLevel.Information,
        };
#pragma warning disable CA2254 // The message is the bot's own text.
        context.Logger.Log(level, "{BotMessage}", message);
#pragma warning restore CA2254
        return ValueTask.CompletedTask;
    }
}
