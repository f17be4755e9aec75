namespace Rpa.Runtime.Store;

/// <summary>Where a work-queue item is: New (waiting), InProgress (a run has it), Successful or Failed (final).</summary>
public enum QueueItemStatus
{
    New,
    InProgress,
    Successful,
    Failed,
}
