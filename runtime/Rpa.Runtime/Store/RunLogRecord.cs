namespace Rpa.Runtime.Store;

/// <summary>One log event of a run (what a Log activity or any activity logged), secrets already masked.</summary>
public sealed class RunLogRecord
{
    public long Id { get; set; }

    public Guid RunId { get; set; }

    /// <summary>Order within the run, from 1.</summary>
    public long Sequence { get; set; }

    public DateTime Timestamp { get; set; }

    public required string Level { get; set; }

    public string? ActivityId { get; set; }

    public required string Message { get; set; }

    public string? Exception { get; set; }
}
