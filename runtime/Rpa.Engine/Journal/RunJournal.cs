namespace Rpa.Engine.Journal;

/// <summary>The journal of one run: every activity execution, in start order.</summary>
public sealed class RunJournal
{
    private readonly List<JournalEntry> _entries = [];
    private readonly Lock _gate = new();
    private readonly IRunObserver? _observer;
    private long _sequence;

    public RunJournal(IRunObserver? observer = null, bool keepEntries = true)
    {
        _observer = observer;
        KeepEntries = keepEntries;
    }

    /// <summary>False for very long runs whose entries go only to the observer.</summary>
    public bool KeepEntries { get; }

    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    public long Count => Interlocked.Read(ref _sequence);

    internal JournalEntry Start(long? parent, string activityId, string activityType, string path, int? iteration, DateTimeOffset now)
    {
        JournalEntry entry;
        lock (_gate)
        {
            entry = new JournalEntry(++_sequence, parent, activityId, activityType, path, iteration, now);
            if (KeepEntries) _entries.Add(entry);
        }

        _observer?.ActivityStarted(entry);
        return entry;
    }

    internal void End(JournalEntry entry, ActivityStatus status, DateTimeOffset now)
    {
        entry.Status = status;
        entry.EndedAt = now;
        _observer?.ActivityEnded(entry);
    }
}
