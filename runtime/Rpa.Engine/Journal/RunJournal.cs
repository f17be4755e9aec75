namespace Rpa.Engine.Journal;

/// <summary>
/// The journal of one run: every activity execution, in start order. Finished entries without inputs, outputs or
/// an error are kept as compact structs in chunks rather than as objects, so a run of millions of trivial
/// activities does not load the garbage collector; <see cref="Entries"/> rebuilds them when read.
/// </summary>
public sealed class RunJournal
{
    private const int ChunkSize = 512;

    private readonly List<Slot[]> _chunks = [];
    private readonly Lock _gate = new();
    private readonly IRunObserver? _observer;
    private readonly long _offset;
    private long _sequence;

    public RunJournal(IRunObserver? observer = null, bool keepEntries = true)
        : this(observer, keepEntries, firstSequence: 1)
    {
    }

    /// <summary>A journal whose first entry takes <paramref name="firstSequence"/>: a resumed run continues its journal.</summary>
    public RunJournal(IRunObserver? observer, bool keepEntries, long firstSequence)
    {
        _observer = observer;
        KeepEntries = keepEntries;
        _offset = firstSequence - 1;
    }

    /// <summary>False for very long runs whose entries go only to the observer.</summary>
    public bool KeepEntries { get; }

    /// <summary>A snapshot of the entries so far, in start order.</summary>
    public IReadOnlyList<JournalEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                var count = Interlocked.Read(ref _sequence);
                var entries = new List<JournalEntry>((int)Math.Min(count, int.MaxValue));
                for (long i = 0; i < count && i / ChunkSize < _chunks.Count; i++)
                {
                    ref var slot = ref _chunks[(int)(i / ChunkSize)][i % ChunkSize];
                    if (slot.Entry is not null) entries.Add(slot.Entry);
                    else if (slot.ActivityId is not null) entries.Add(slot.ToEntry(_offset + i + 1));
                }

                return entries;
            }
        }
    }

    /// <summary>How many entries this journal holds (a resumed run's journal counts only its own).</summary>
    public long Count => Interlocked.Read(ref _sequence);

    /// <summary>The sequence number the next entry takes.</summary>
    public long NextSequence => _offset + Interlocked.Read(ref _sequence) + 1;

    internal JournalEntry Start(long? parent, string activityId, string activityType, string path, int? iteration, DateTimeOffset now)
    {
        var sequence = _offset + Interlocked.Increment(ref _sequence);
        var entry = new JournalEntry(sequence, parent, activityId, activityType, path, iteration, now);
        if (KeepEntries)
        {
            lock (_gate)
            {
                SlotFor(sequence).Entry = entry;
            }
        }

        _observer?.ActivityStarted(entry);
        return entry;
    }

    internal void End(JournalEntry entry, ActivityStatus status, DateTimeOffset now)
    {
        entry.Status = status;
        entry.EndedAt = now;
        if (KeepEntries && !entry.HasDetails)
        {
            lock (_gate)
            {
                SlotFor(entry.Sequence) = Slot.From(entry);
            }
        }

        _observer?.ActivityEnded(entry);
    }

    private ref Slot SlotFor(long sequence)
    {
        var index = sequence - _offset - 1;
        var chunk = (int)(index / ChunkSize);
        while (_chunks.Count <= chunk) _chunks.Add(new Slot[ChunkSize]);
        return ref _chunks[chunk][index % ChunkSize];
    }

    /// <summary>A finished entry without details, or the entry object itself while it runs or when it has details.</summary>
    private struct Slot
    {
        public JournalEntry? Entry;
        public string? ActivityId;
        public string ActivityType;
        public string Path;
        public string? Outcome;
        public long Parent;
        public DateTimeOffset StartedAt;
        public DateTimeOffset EndedAt;
        public int Iteration;
        public ActivityStatus Status;

        public static Slot From(JournalEntry entry) => new()
        {
            ActivityId = entry.ActivityId,
            ActivityType = entry.ActivityType,
            Path = entry.Path,
            Outcome = entry.Outcome,
            Parent = entry.ParentSequence ?? -1,
            StartedAt = entry.StartedAt,
            EndedAt = entry.EndedAt!.Value,
            Iteration = entry.Iteration ?? -1,
            Status = entry.Status,
        };

        public readonly JournalEntry ToEntry(long sequence) =>
            new(sequence, Parent < 0 ? null : Parent, ActivityId!, ActivityType, Path, Iteration < 0 ? null : Iteration, StartedAt)
            {
                EndedAt = EndedAt,
                Status = Status,
                Outcome = Outcome,
            };
    }
}
