namespace Rpa.Runtime.Store;

/// <summary>
/// What a running run recorded since its last write (journal entries that started or ended, log events) and, at its end,
/// how it ended: <see cref="IRunStore.WriteProgressAsync"/> writes it all in one transaction.
/// </summary>
public sealed record RunProgress(Guid RunId, IReadOnlyList<JournalRecord> Journal, IReadOnlyList<RunLogRecord> Logs)
{
    /// <summary>When set, the run ends with the same write (as <see cref="IRunStore.CompleteRunAsync"/> ends it).</summary>
    public RunCompletion? Completion { get; init; }
}
