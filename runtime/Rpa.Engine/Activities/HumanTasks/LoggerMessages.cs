using Microsoft.Extensions.Logging;

namespace Rpa.Engine.Activities.HumanTasks;

internal static partial class LoggerMessages
{
    [LoggerMessage(Level = LogLevel.Information, Message = "The approval was {Decision} by {DecidedBy}: {Comment}")]
    public static partial void LogApprovalDecision(this ILogger logger, string decision, string decidedBy, string comment);
}
