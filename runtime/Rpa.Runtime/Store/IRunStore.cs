namespace Rpa.Runtime.Store;

/// <summary>
/// The runtime's store: bots and their versions, runs (the system of record), journals, logs and artifacts.
/// One implementation (EF Core) serves SQLite and PostgreSQL. Every method is safe to call from many threads.
/// </summary>
public interface IRunStore
{
    /// <summary>Creates the schema or brings it up to date.</summary>
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<BotRecord>> ListBotsAsync(CancellationToken cancellationToken);

    Task<BotRecord?> GetBotAsync(string name, CancellationToken cancellationToken);

    Task<BotVersionRecord?> GetBotVersionAsync(string name, int version, CancellationToken cancellationToken);

    /// <summary>Saves <paramref name="version"/> as the bot's next version (its Version is set here) and creates the bot if it is new.</summary>
    Task<BotVersionRecord> SaveBotVersionAsync(BotVersionRecord version, string? description, CancellationToken cancellationToken);

    /// <summary>Every stored version of every bot, definitions included (start-up checks of what is stored).</summary>
    Task<IReadOnlyList<BotVersionRecord>> ListBotVersionsAsync(CancellationToken cancellationToken);

    /// <summary>Sets the capability queue a version's runs go to (derived from its definition, which never changes).</summary>
    Task SetBotVersionQueueAsync(string name, int version, string queue, CancellationToken cancellationToken);

    /// <summary>Makes <paramref name="version"/> the one triggers run; false when there is no such version.</summary>
    Task<bool> PublishAsync(string name, int version, CancellationToken cancellationToken);

    Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken);

    Task<RunRecord?> GetRunAsync(Guid runId, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Atomically moves the run from Queued to Running for <paramref name="worker"/> (so a run dispatched twice runs once).
    /// With <paramref name="maxRunning"/>, only while fewer runs of its bot are Running than that, checked and changed as one
    /// step across every process sharing the store; otherwise the run stays Queued (<see cref="RunStartOutcome.AtLimit"/>).
    /// </summary>
    Task<RunStartOutcome> TryStartRunAsync(Guid runId, string worker, int? maxRunning, CancellationToken cancellationToken);

    /// <summary>Ends a running run; false when it was not running (cancelled while queued, or already ended).</summary>
    Task<bool> CompleteRunAsync(Guid runId, RunCompletion completion, CancellationToken cancellationToken);

    /// <summary>Ends a run that could not be started (Queued to Failed, with the reason in <paramref name="error"/>); false when it was not queued.</summary>
    Task<bool> FailQueuedRunAsync(Guid runId, DateTime endedAt, string error, CancellationToken cancellationToken);

    /// <summary>Asks a run to stop: a queued run is cancelled at once, a running one is flagged for its worker. Returns the state after, or null for an unknown run.</summary>
    Task<RunState?> RequestCancelAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>Puts a run whose worker died back to Queued (only if it is still Running on that worker).</summary>
    Task<bool> RequeueAsync(Guid runId, string deadWorker, CancellationToken cancellationToken);

    /// <summary>Renews the lease of a running run; false when <paramref name="worker"/> no longer holds it.</summary>
    Task<bool> HeartbeatAsync(Guid runId, string worker, CancellationToken cancellationToken);

    /// <summary>
    /// Puts runs whose worker stopped sending heartbeats before <paramref name="cutoff"/> back to Queued (a worker on any
    /// machine that died); returns the runs this call requeued, so exactly one process dispatches each. Runs of work-queue
    /// items are left to the queue sweeper, which returns their items instead, unless they resumed after a wait (their
    /// item is Waiting and held by no worker): those run again like any run.
    /// </summary>
    Task<IReadOnlyList<RunRecord>> RequeueStaleRunsAsync(DateTime cutoff, CancellationToken cancellationToken);

    /// <summary>
    /// Writes a run's progress in one transaction: journal entries inserted or replaced by run id and sequence, log
    /// events, and the run's end when <see cref="RunProgress.Completion"/> is set. Returns false when a completion was
    /// given and the run was not running (as <see cref="CompleteRunAsync"/>; the journal and logs are written all the same).
    /// </summary>
    Task<bool> WriteProgressAsync(RunProgress progress, CancellationToken cancellationToken);

    Task<IReadOnlyList<JournalRecord>> GetJournalAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes a run's journal entries from <paramref name="fromSequence"/> on: what an earlier attempt of the run wrote
    /// before its worker stopped, before the next attempt writes its own. Returns how many were deleted.
    /// </summary>
    Task<int> DeleteJournalFromAsync(Guid runId, long fromSequence, CancellationToken cancellationToken);

    Task<IReadOnlyList<RunLogRecord>> GetLogsAsync(Guid runId, CancellationToken cancellationToken);

    Task AddArtifactsAsync(IReadOnlyList<ArtifactRecord> artifacts, CancellationToken cancellationToken);

    Task<IReadOnlyList<ArtifactRecord>> GetArtifactsAsync(Guid runId, CancellationToken cancellationToken);

    // ---- triggers (webhook secrets) ----

    /// <summary>Sets (or replaces) the SHA-256 hash of a webhook trigger's secret.</summary>
    Task SetWebhookSecretAsync(string bot, string hook, string hash, CancellationToken cancellationToken);

    Task<WebhookSecretRecord?> GetWebhookSecretAsync(string bot, string hook, CancellationToken cancellationToken);

    /// <summary>Every webhook secret (hashes), of one bot or of all.</summary>
    Task<IReadOnlyList<WebhookSecretRecord>> ListWebhookSecretsAsync(string? bot, CancellationToken cancellationToken);
    /// <summary>
    /// Moves a running run to Waiting with what it needs to resume, and records the approval it waits for (if it waits for one),
    /// in one transaction; false when it was not running.
    /// </summary>
    Task<bool> PauseRunAsync(Guid runId, string pausedState, ApprovalRecord? approval, CancellationToken cancellationToken);

    /// <summary>Approvals, newest first; all when <paramref name="status"/> is null.</summary>
    Task<IReadOnlyList<ApprovalRecord>> ListApprovalsAsync(ApprovalStatus? status, int limit, CancellationToken cancellationToken);

    Task<ApprovalRecord?> GetApprovalAsync(Guid approvalId, CancellationToken cancellationToken);

    /// <summary>
    /// Decides a pending approval and, in the same transaction, moves its run from Waiting to Queued with the answer
    /// (<paramref name="answer"/>, JSON) so the next dispatch resumes it. Exactly one of two concurrent decisions wins.
    /// </summary>
    Task<ApprovalDecision> DecideApprovalAsync(Guid approvalId, bool approve, string decidedBy, string? comment, string answer, CancellationToken cancellationToken);

    /// <summary>Whether the store answers (for /health).</summary>
    Task<bool> CanConnectAsync(CancellationToken cancellationToken);
}
