namespace Rpa.Runtime.Store;

/// <summary>One journal entry of a run (one activity execution), keyed by run and sequence; rewritten as the entry progresses.</summary>
public sealed class JournalRecord
{
    public Guid RunId { get; set; }

    public long Sequence { get; set; }

    public long? ParentSequence { get; set; }

    public required string ActivityId { get; set; }

    public required string ActivityType { get; set; }

    public required string Path { get; set; }

    public required string Status { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The whole entry as the journal's JSON (inputs and outputs with secrets masked, error).</summary>
    public required string Json { get; set; }
}
