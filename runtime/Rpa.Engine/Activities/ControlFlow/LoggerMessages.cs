using Microsoft.Extensions.Logging;

namespace Rpa.Engine.Activities.ControlFlow;

internal static partial class LoggerMessages
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Caught the failure of activity '{FailedActivity}': {Reason}")]
    public static partial void LogCaught(this ILogger logger, string failedActivity, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Attempt {Attempt} failed at activity '{FailedActivity}': {Reason}; retrying in {DelaySeconds} s")]
    public static partial void LogRetry(this ILogger logger, int attempt, string failedActivity, string reason, double delaySeconds);
}
