namespace Rpa.Runtime.Store;

/// <summary>
/// Where a work-queue item is: New (to do), InProgress (a run has it), Waiting (its run waits for a person, such as an
/// approval, and holds no worker), Successful or Failed (final).
/// </summary>
public enum QueueItemStatus
{
    New,
    InProgress,
    Successful,
    Failed,
    Waiting,
}
