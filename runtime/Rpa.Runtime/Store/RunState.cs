namespace Rpa.Runtime.Store;

/// <summary>Where a run is in its life. Queued and Running are live; the other final states never change again.</summary>
public enum RunState
{
    Queued,
    Running,
    Waiting,
    Succeeded,
    Failed,
    Cancelled,
}
