namespace Rpa.Engine.Journal;

public enum ActivityStatus
{
    Running,
    Completed,
    Faulted,
    Cancelled,

    /// <summary>The run paused while this activity (or one inside it) waited; the resumed run journals it again.</summary>
    Suspended,
}
