namespace Rpa.Engine.Journal;

public enum ActivityStatus
{
    Running,
    Completed,
    Faulted,
    Cancelled,
}
