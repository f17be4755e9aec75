using Microsoft.Extensions.Logging;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Tests.Support;

/// <summary>Test activity: logs a warning with an exception whose message (and inner exception) contain the given text.</summary>
[Activity("Testing", "Log exception")]
public sealed class LogException : Activity
{
    [Input(Required = true)]
    public Input<string> Text { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var text = context.Get(Text);
        var exception = new InvalidOperationException($"the server said: {text}", new ArgumentException($"inner: {text}"));
        context.Logger.LogWarning(exception, "Something went wrong");
        return ValueTask.CompletedTask;
    }
}
