namespace Rpa.Engine.Journal;

/// <summary>Follows a run as it happens (progress on a terminal, the designer's live view, the store).</summary>
public interface IRunObserver
{
    void ActivityStarted(JournalEntry entry);

    void ActivityEnded(JournalEntry entry);
}
