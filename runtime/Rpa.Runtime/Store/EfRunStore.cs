using Microsoft.EntityFrameworkCore;

namespace Rpa.Runtime.Store;

/// <summary><see cref="IRunStore"/> on EF Core: a short-lived context per call, so it is a thread-safe singleton.</summary>
public sealed class EfRunStore(Func<RunDbContext> createContext, TimeProvider time) : IRunStore
{
    public async Task MigrateAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        if (db.Database.IsSqlite())
        {
            // WAL lets the API read while a worker writes the journal.
            await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken).ConfigureAwait(false);
        }

        await db.Database.MigrateAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<BotRecord>> ListBotsAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Bots.AsNoTracking().OrderBy(b => b.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<BotRecord?> GetBotAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Bots.AsNoTracking().FirstOrDefaultAsync(b => b.Name == name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BotVersionRecord?> GetBotVersionAsync(string name, int version, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.BotVersions.AsNoTracking().FirstOrDefaultAsync(v => v.BotName == name && v.Version == version, cancellationToken).ConfigureAwait(false);
    }

    public async Task<BotVersionRecord> SaveBotVersionAsync(BotVersionRecord version, string? description, CancellationToken cancellationToken)
    {
        // Two saves of one bot at once: the second fails on the (bot, version) key and tries again with the next number.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = createContext();
            var now = time.GetUtcNow().UtcDateTime;
            var bot = await db.Bots.FirstOrDefaultAsync(b => b.Name == version.BotName, cancellationToken).ConfigureAwait(false);
            if (bot is null)
            {
                bot = new BotRecord { Name = version.BotName, CreatedAt = now };
                db.Bots.Add(bot);
            }

            bot.LatestVersion++;
            bot.Description = description;
            bot.UpdatedAt = now;
            var saved = new BotVersionRecord
            {
                BotName = version.BotName,
                Version = bot.LatestVersion,
                Definition = version.Definition,
                Hash = version.Hash,
                Queue = version.Queue,
                Location = version.Location,
                CreatedAt = now,
            };
            db.BotVersions.Add(saved);
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return saved;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    public async Task<IReadOnlyList<BotVersionRecord>> ListBotVersionsAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.BotVersions.AsNoTracking().OrderBy(v => v.BotName).ThenBy(v => v.Version).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetBotVersionQueueAsync(string name, int version, string queue, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        await db.BotVersions.Where(v => v.BotName == name && v.Version == version)
            .ExecuteUpdateAsync(s => s.SetProperty(v => v.Queue, queue), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<bool> PublishAsync(string name, int version, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        if (!await db.BotVersions.AnyAsync(v => v.BotName == name && v.Version == version, cancellationToken).ConfigureAwait(false)) return false;
        var now = time.GetUtcNow().UtcDateTime;
        await db.Bots.Where(b => b.Name == name)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.PublishedVersion, version).SetProperty(b => b.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
        return true;
    }

    public async Task CreateRunAsync(RunRecord run, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunRecord?> GetRunAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Runs.AsNoTracking().FirstOrDefaultAsync(r => r.Id == runId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RunRecord>> ListRunsAsync(RunQuery query, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var runs = db.Runs.AsNoTracking();
        if (query.Bot is { } bot) runs = runs.Where(r => r.BotName == bot);
        if (query.Statuses is { Count: > 0 } statuses) runs = runs.Where(r => statuses.Contains(r.Status));
        if (query.Trigger is { } trigger) runs = runs.Where(r => r.Trigger == trigger);
        if (query.TriggerPrefix is { } prefix) runs = runs.Where(r => r.Trigger.StartsWith(prefix));
        if (query.CreatedFrom is { } from) runs = runs.Where(r => r.CreatedAt >= from);
        if (query.CreatedTo is { } to) runs = runs.Where(r => r.CreatedAt < to);
        return await runs.OrderByDescending(r => r.CreatedAt).Take(query.Limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<RunStartOutcome> TryStartRunAsync(Guid runId, string worker, int? maxRunning, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        if (maxRunning is not { } max)
        {
            var started = await StartAsync(db.Runs.Where(r => r.Id == runId && r.Status == RunState.Queued), worker, time.GetUtcNow().UtcDateTime, cancellationToken).ConfigureAwait(false);
            return started == 1 ? RunStartOutcome.Started : RunStartOutcome.NotQueued;
        }

        // The count and the change are one step for every process: SQLite takes its write lock when the transaction
        // begins (BEGIN IMMEDIATE); PostgreSQL takes a lock per bot for the transaction, so two workers starting runs of
        // one bot at once take turns, and the second one's count sees the first one's run.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var bot = await db.Runs.Where(r => r.Id == runId).Select(r => r.BotName).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (bot is null) return RunStartOutcome.NotQueued;
        if (db.Database.IsNpgsql())
        {
            var key = "rpa-concurrency:" + bot;
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({key}))", cancellationToken).ConfigureAwait(false);
        }

        // The start time is taken holding the lock, so it is never before the end of the run whose slot this one takes.
        var startedAt = time.GetUtcNow().UtcDateTime;

        var changed = await StartAsync(
            db.Runs.Where(r => r.Id == runId && r.Status == RunState.Queued && db.Runs.Count(o => o.BotName == bot && o.Status == RunState.Running) < max),
            worker,
            startedAt,
            cancellationToken).ConfigureAwait(false);
        var outcome = changed == 1 ? RunStartOutcome.Started
            : await db.Runs.AnyAsync(r => r.Id == runId && r.Status == RunState.Queued, cancellationToken).ConfigureAwait(false) ? RunStartOutcome.AtLimit
            : RunStartOutcome.NotQueued;
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return outcome;
    }

    /// <summary>Moves the runs <paramref name="runs"/> selects to Running on <paramref name="worker"/>, their lease renewed and one more attempt counted.</summary>
    private static Task<int> StartAsync(IQueryable<RunRecord> runs, string worker, DateTime startedAt, CancellationToken cancellationToken) =>
        runs.ExecuteUpdateAsync(
            s => s.SetProperty(r => r.Status, RunState.Running)
                .SetProperty(r => r.Worker, worker)
                .SetProperty(r => r.StartedAt, startedAt)
                .SetProperty(r => r.HeartbeatAt, startedAt)
                .SetProperty(r => r.Attempts, r => r.Attempts + 1),
            cancellationToken);

    public async Task<bool> CompleteRunAsync(Guid runId, RunCompletion completion, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await CompleteAsync(db, runId, completion, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<bool> CompleteAsync(RunDbContext db, Guid runId, RunCompletion completion, CancellationToken cancellationToken)
    {
        var runs = db.Runs.Where(r => r.Id == runId && r.Status == RunState.Running);
        if (completion.Worker is { } worker) runs = runs.Where(r => r.Worker == worker);
        var changed = await runs
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, completion.Status)
                    .SetProperty(r => r.EndedAt, completion.EndedAt)
                    .SetProperty(r => r.Outputs, completion.Outputs)
                    .SetProperty(r => r.Error, completion.Error)
                    .SetProperty(r => r.PausedState, (string?)null)
                    .SetProperty(r => r.ResumeAnswer, (string?)null),
                cancellationToken)
            .ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<bool> FailQueuedRunAsync(Guid runId, DateTime endedAt, string error, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var changed = await db.Runs
            .Where(r => r.Id == runId && r.Status == RunState.Queued)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, RunState.Failed)
                    .SetProperty(r => r.EndedAt, endedAt)
                    .SetProperty(r => r.Error, error),
                cancellationToken)
            .ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<RunState?> RequestCancelAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var now = time.GetUtcNow().UtcDateTime;
        await db.Runs
            .Where(r => r.Id == runId && (r.Status == RunState.Queued || r.Status == RunState.Waiting))
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, RunState.Cancelled)
                    .SetProperty(r => r.EndedAt, now)
                    .SetProperty(r => r.CancelRequested, true)
                    .SetProperty(r => r.PausedState, (string?)null)
                    .SetProperty(r => r.ResumeAnswer, (string?)null),
                cancellationToken)
            .ConfigureAwait(false);
        await db.Approvals
            .Where(a => a.RunId == runId && a.Status == ApprovalStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, ApprovalStatus.Cancelled).SetProperty(a => a.DecidedAt, now), cancellationToken)
            .ConfigureAwait(false);
        await db.Runs
            .Where(r => r.Id == runId && r.Status == RunState.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.CancelRequested, true), cancellationToken)
            .ConfigureAwait(false);
        var status = await db.Runs.Where(r => r.Id == runId).Select(r => (RunState?)r.Status).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return status;
    }

    public async Task<bool> RequeueAsync(Guid runId, string deadWorker, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var changed = await db.Runs
            .Where(r => r.Id == runId && r.Status == RunState.Running && r.Worker == deadWorker)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunState.Queued), cancellationToken)
            .ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<bool> HeartbeatAsync(Guid runId, string worker, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.Runs
            .Where(r => r.Id == runId && r.Status == RunState.Running && r.Worker == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.HeartbeatAt, now), cancellationToken)
            .ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<IReadOnlyList<RunRecord>> RequeueStaleRunsAsync(DateTime cutoff, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var stale = await db.Runs.AsNoTracking()
            .Where(r => r.Status == RunState.Running && r.HeartbeatAt < cutoff && (!r.Trigger.StartsWith(Queues.QueueRuns.TriggerPrefix) || r.PausedState != null))
            .ToListAsync(cancellationToken)
            .ConfigureAwait(false);
        var requeued = new List<RunRecord>();
        foreach (var run in stale)
        {
            var changed = await db.Runs
                .Where(r => r.Id == run.Id && r.Status == RunState.Running && r.Worker == run.Worker && r.HeartbeatAt < cutoff)
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunState.Queued), cancellationToken)
                .ConfigureAwait(false);
            if (changed == 1) requeued.Add(run);
        }

        return requeued;
    }

    public async Task<bool> WriteProgressAsync(RunProgress progress, CancellationToken cancellationToken)
    {
        var writes = (progress.Journal.Count > 0 ? 1 : 0) + (progress.Logs.Count > 0 ? 1 : 0) + (progress.Completion is null ? 0 : 1);
        if (writes == 0) return true;
        await using var db = createContext();
        await using var transaction = writes > 1 ? await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false) : null;
        foreach (var rows in progress.Journal.Chunk(JournalRowsPerStatement))
        {
            await UpsertJournalAsync(db, rows, cancellationToken).ConfigureAwait(false);
        }

        if (progress.Logs.Count > 0)
        {
            db.RunLogs.AddRange(progress.Logs);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        var ended = progress.Completion is not { } completion || await CompleteAsync(db, progress.RunId, completion, cancellationToken).ConfigureAwait(false);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return ended;
    }

    /// <summary>Rows per journal upsert: 10 parameters each, well under SQLite's 32,766 and PostgreSQL's 65,535 per statement.</summary>
    private const int JournalRowsPerStatement = 500;

    /// <summary>
    /// One statement inserts the entries and replaces those already there (a run's entry is written when it starts and
    /// again when it ends; a resumed run writes its entries again). <c>INSERT … ON CONFLICT … DO UPDATE</c> reads the same
    /// in SQLite and PostgreSQL; the parameters take EF's type mappings, as the columns do.
    /// </summary>
    private static async Task UpsertJournalAsync(RunDbContext db, IReadOnlyList<JournalRecord> entries, CancellationToken cancellationToken)
    {
        var sql = new System.Text.StringBuilder("""
            INSERT INTO journal_entries ("RunId", "Sequence", "ParentSequence", "ActivityId", "ActivityType", "Path", "Status", "StartedAt", "EndedAt", "Json") VALUES
            """);
        var parameters = new List<object?>(entries.Count * 10);
        for (var i = 0; i < entries.Count; i++)
        {
            var entry = entries[i];
            var p = parameters.Count;
            sql.Append(i == 0 ? "\n(" : ",\n(");
            for (var column = 0; column < 10; column++) sql.Append(column == 0 ? "{" : ", {").Append(p + column).Append('}');
            sql.Append(')');
            parameters.AddRange([entry.RunId, entry.Sequence, entry.ParentSequence, entry.ActivityId, entry.ActivityType, entry.Path, entry.Status, entry.StartedAt, entry.EndedAt, entry.Json]);
        }

        sql.Append("""

            ON CONFLICT ("RunId", "Sequence") DO UPDATE SET "Status" = excluded."Status", "EndedAt" = excluded."EndedAt", "Json" = excluded."Json"
            """);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters!, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<JournalRecord>> GetJournalAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Journal.AsNoTracking().Where(j => j.RunId == runId).OrderBy(j => j.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> DeleteJournalFromAsync(Guid runId, long fromSequence, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Journal.Where(j => j.RunId == runId && j.Sequence >= fromSequence).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<RunLogRecord>> GetLogsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.RunLogs.AsNoTracking().Where(l => l.RunId == runId).OrderBy(l => l.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task AddArtifactsAsync(IReadOnlyList<ArtifactRecord> artifacts, CancellationToken cancellationToken)
    {
        if (artifacts.Count == 0) return;
        await using var db = createContext();
        db.Artifacts.AddRange(artifacts);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ArtifactRecord>> GetArtifactsAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Artifacts.AsNoTracking().Where(a => a.RunId == runId).OrderBy(a => a.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task SetWebhookSecretAsync(string bot, string hook, string hash, CancellationToken cancellationToken)
    {
        // Two rotations at once: the second insert fails on the key and the loop replaces the first one's hash instead.
        for (var attempt = 1; ; attempt++)
        {
            await using var db = createContext();
            var now = time.GetUtcNow().UtcDateTime;
            var changed = await db.WebhookSecrets.Where(w => w.BotName == bot && w.Hook == hook)
                .ExecuteUpdateAsync(s => s.SetProperty(w => w.Hash, hash).SetProperty(w => w.CreatedAt, now), cancellationToken)
                .ConfigureAwait(false);
            if (changed == 1) return;
            db.WebhookSecrets.Add(new WebhookSecretRecord { BotName = bot, Hook = hook, Hash = hash, CreatedAt = now });
            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
            }
        }
    }

    public async Task<WebhookSecretRecord?> GetWebhookSecretAsync(string bot, string hook, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.WebhookSecrets.AsNoTracking().FirstOrDefaultAsync(w => w.BotName == bot && w.Hook == hook, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<WebhookSecretRecord>> ListWebhookSecretsAsync(string? bot, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var secrets = db.WebhookSecrets.AsNoTracking();
        if (bot is not null) secrets = secrets.Where(w => w.BotName == bot);
        return await secrets.OrderBy(w => w.BotName).ThenBy(w => w.Hook).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> PauseRunAsync(Guid runId, string pausedState, ApprovalRecord? approval, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var changed = await db.Runs
            .Where(r => r.Id == runId && r.Status == RunState.Running)
            .ExecuteUpdateAsync(
                s => s.SetProperty(r => r.Status, RunState.Waiting)
                    .SetProperty(r => r.PausedState, pausedState)
                    .SetProperty(r => r.ResumeAnswer, (string?)null),
                cancellationToken)
            .ConfigureAwait(false);
        if (changed != 1) return false;
        if (approval is not null)
        {
            db.Approvals.Add(approval);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public async Task<IReadOnlyList<ApprovalRecord>> ListApprovalsAsync(ApprovalStatus? status, int limit, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var approvals = db.Approvals.AsNoTracking();
        if (status is { } wanted) approvals = approvals.Where(a => a.Status == wanted);
        return await approvals.OrderByDescending(a => a.RequestedAt).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApprovalRecord?> GetApprovalAsync(Guid approvalId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Approvals.AsNoTracking().FirstOrDefaultAsync(a => a.Id == approvalId, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApprovalDecision> DecideApprovalAsync(Guid approvalId, bool approve, string decidedBy, string? comment, string answer, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var approval = await db.Approvals.AsNoTracking().FirstOrDefaultAsync(a => a.Id == approvalId, cancellationToken).ConfigureAwait(false);
        if (approval is null) return new ApprovalDecision(ApprovalDecisionOutcome.NotFound, null, null);

        var now = time.GetUtcNow().UtcDateTime;
        var status = approve ? ApprovalStatus.Approved : ApprovalStatus.Rejected;
        var decided = await db.Approvals
            .Where(a => a.Id == approvalId && a.Status == ApprovalStatus.Pending)
            .ExecuteUpdateAsync(
                s => s.SetProperty(a => a.Status, status)
                    .SetProperty(a => a.DecidedAt, now)
                    .SetProperty(a => a.DecidedBy, decidedBy)
                    .SetProperty(a => a.Comment, comment),
                cancellationToken)
            .ConfigureAwait(false);
        var requeued = decided == 1 && await db.Runs
            .Where(r => r.Id == approval.RunId && r.Status == RunState.Waiting)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, RunState.Queued).SetProperty(r => r.ResumeAnswer, answer), cancellationToken)
            .ConfigureAwait(false) == 1;
        if (!requeued)
        {
            await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            var current = await db.Approvals.AsNoTracking().FirstAsync(a => a.Id == approvalId, cancellationToken).ConfigureAwait(false);
            return new ApprovalDecision(ApprovalDecisionOutcome.AlreadyDecided, current, null);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == approval.RunId, cancellationToken).ConfigureAwait(false);
        var after = await db.Approvals.AsNoTracking().FirstAsync(a => a.Id == approvalId, cancellationToken).ConfigureAwait(false);
        return new ApprovalDecision(ApprovalDecisionOutcome.Decided, after, run);
    }

    public async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false);
    }
}
