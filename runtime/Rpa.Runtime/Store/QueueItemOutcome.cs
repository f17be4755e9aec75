namespace Rpa.Runtime.Store;

/// <summary>What an attempt made of an item: Successful or Failed (final), or New (back to the queue for another attempt).</summary>
public sealed record QueueItemOutcome(QueueItemStatus Status, string? Output, string? Error)
{
    /// <summary>True for an attempt that did not count (the worker stopped before the run could end).</summary>
    public bool Uncounted { get; init; }
}
