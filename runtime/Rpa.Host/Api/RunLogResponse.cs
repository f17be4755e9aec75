using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>One log event of a run.</summary>
public sealed record RunLogResponse(long Sequence, DateTime Timestamp, string Level, string? ActivityId, string Message, string? Exception)
{
    public static RunLogResponse From(RunLogRecord log) => new(log.Sequence, log.Timestamp, log.Level, log.ActivityId, log.Message, log.Exception);
}
