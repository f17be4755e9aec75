using Microsoft.EntityFrameworkCore;

namespace Rpa.Runtime.Store;

/// <summary><see cref="IQueueStore"/> on EF Core: a short-lived context per call; conditional updates for every state change.</summary>
public sealed class EfQueueStore(Func<RunDbContext> createContext, TimeProvider time) : IQueueStore
{
    /// <summary>How many candidates a claim tries before it gives up for this call (others took them first).</summary>
    private const int ClaimCandidates = 8;

    public async Task<IReadOnlyList<QueueRecord>> ListQueuesAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Queues.AsNoTracking().OrderBy(q => q.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<QueueRecord?> GetQueueAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Queues.AsNoTracking().FirstOrDefaultAsync(q => q.Name == name, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> SaveQueueAsync(QueueRecord queue, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = createContext();
            var now = time.GetUtcNow().UtcDateTime;
            var existing = await db.Queues.FirstOrDefaultAsync(q => q.Name == queue.Name, cancellationToken).ConfigureAwait(false);
            if (existing is null)
            {
                db.Queues.Add(new QueueRecord
                {
                    Name = queue.Name,
                    BotName = queue.BotName,
                    Description = queue.Description,
                    MaxAttempts = queue.MaxAttempts,
                    LeaseDuration = queue.LeaseDuration,
                    CreatedAt = now,
                    UpdatedAt = now,
                });
            }
            else
            {
                existing.BotName = queue.BotName;
                existing.Description = queue.Description;
                existing.MaxAttempts = queue.MaxAttempts;
                existing.LeaseDuration = queue.LeaseDuration;
                existing.UpdatedAt = now;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return existing is null;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Created by another process at the same time: update it instead.
            }
        }
    }

    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<QueueItemStatus, int>>> CountItemsAsync(string? queueName, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var items = db.QueueItems.AsNoTracking();
        if (queueName is not null) items = items.Where(i => i.QueueName == queueName);
        var counts = await items.GroupBy(i => new { i.QueueName, i.Status })
            .Select(g => new { g.Key.QueueName, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return counts.GroupBy(c => c.QueueName, StringComparer.Ordinal).ToDictionary(
            g => g.Key,
            g => (IReadOnlyDictionary<QueueItemStatus, int>)g.ToDictionary(c => c.Status, c => c.Count),
            StringComparer.Ordinal);
    }

    public async Task<IReadOnlyList<(QueueItemRecord Item, bool Added)>> AddItemsAsync(IReadOnlyList<QueueItemRecord> items, CancellationToken cancellationToken)
    {
        var results = new List<(QueueItemRecord, bool)>(items.Count);
        foreach (var group in items.GroupBy(i => i.QueueName, StringComparer.Ordinal))
        {
            results.AddRange(await AddToQueueAsync(group.Key, group.ToList(), cancellationToken).ConfigureAwait(false));
        }

        return results;
    }

    private async Task<List<(QueueItemRecord, bool)>> AddToQueueAsync(string queueName, List<QueueItemRecord> items, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var db = createContext();
            var references = items.Select(i => i.Reference).Distinct(StringComparer.Ordinal).ToList();
            var existing = await db.QueueItems.AsNoTracking()
                .Where(i => i.QueueName == queueName && references.Contains(i.Reference))
                .ToDictionaryAsync(i => i.Reference, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
            var now = time.GetUtcNow().UtcDateTime;
            var results = new List<(QueueItemRecord, bool)>(items.Count);
            foreach (var item in items)
            {
                if (existing.TryGetValue(item.Reference, out var found))
                {
                    results.Add((found, false));
                    continue;
                }

                var added = new QueueItemRecord
                {
                    Id = Guid.CreateVersion7(),
                    QueueName = queueName,
                    Reference = item.Reference,
                    Payload = item.Payload,
                    Priority = item.Priority,
                    Deadline = item.Deadline,
                    Status = QueueItemStatus.New,
                    CreatedAt = now,
                    UpdatedAt = now,
                };
                db.QueueItems.Add(added);
                existing[item.Reference] = added;
                results.Add((added, true));
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return results;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Another caller added one of these references at the same time: read them again and add the rest.
            }
        }
    }

    public async Task<IReadOnlyList<QueueItemRecord>> ListItemsAsync(QueueItemQuery query, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var items = db.QueueItems.AsNoTracking().Where(i => i.QueueName == query.QueueName);
        if (query.Status is { } status) items = items.Where(i => i.Status == status);
        if (query.Reference is { } reference) items = items.Where(i => i.Reference == reference);
        return await items.OrderBy(i => i.CreatedAt).ThenBy(i => i.Id).Skip(query.Offset).Take(query.Limit)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<QueueItemRecord?> GetItemAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.QueueItems.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<QueueItemRecord?> TryClaimAsync(string queueName, string worker, Guid runId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var queue = await db.Queues.AsNoTracking().FirstOrDefaultAsync(q => q.Name == queueName, cancellationToken).ConfigureAwait(false);
        if (queue is null) return null;

        // Optimistic: read the next few candidates, then take the first one still New with a conditional update.
        // Works the same on SQLite and PostgreSQL; a candidate another worker took first changes no row and the next is tried.
        var candidates = await db.QueueItems.AsNoTracking()
            .Where(i => i.QueueName == queueName && i.Status == QueueItemStatus.New)
            .OrderByDescending(i => i.Priority)
            .ThenBy(i => i.Deadline == null)
            .ThenBy(i => i.Deadline)
            .ThenBy(i => i.CreatedAt)
            .ThenBy(i => i.Id)
            .Select(i => i.Id)
            .Take(ClaimCandidates)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var now = time.GetUtcNow().UtcDateTime;
        var until = now + queue.LeaseDuration;
        var run = runId.ToString();
        foreach (var id in candidates)
        {
            var changed = await db.QueueItems
                .Where(i => i.Id == id && i.Status == QueueItemStatus.New)
                .ExecuteUpdateAsync(
                    s => s.SetProperty(i => i.Status, QueueItemStatus.InProgress)
                        .SetProperty(i => i.Attempts, i => i.Attempts + 1)
                        .SetProperty(i => i.RunId, runId)
                        .SetProperty(i => i.RunIds, i => i.RunIds == "" ? run : i.RunIds + "," + run)
                        .SetProperty(i => i.LeaseOwner, worker)
                        .SetProperty(i => i.LeaseExpiresAt, until)
                        .SetProperty(i => i.UpdatedAt, now),
                    cancellationToken)
                .ConfigureAwait(false);
            if (changed == 1)
            {
                return await db.QueueItems.AsNoTracking().FirstAsync(i => i.Id == id, cancellationToken).ConfigureAwait(false);
            }
        }

        return null;
    }

    public async Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> itemIds, string worker, DateTime until, CancellationToken cancellationToken)
    {
        if (itemIds.Count == 0) return 0;
        await using var db = createContext();
        var ids = itemIds.ToList();
        return await db.QueueItems
            .Where(i => ids.Contains(i.Id) && i.Status == QueueItemStatus.InProgress && i.LeaseOwner == worker)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.LeaseExpiresAt, until), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task<bool> CompleteAttemptAsync(Guid itemId, Guid runId, QueueItemOutcome outcome, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var now = time.GetUtcNow().UtcDateTime;
        DateTime? ended = outcome.Status is QueueItemStatus.Successful or QueueItemStatus.Failed ? now : null;
        var uncounted = outcome.Uncounted ? 1 : 0;
        var changed = await db.QueueItems
            .Where(i => i.Id == itemId && i.RunId == runId && (i.Status == QueueItemStatus.InProgress || i.Status == QueueItemStatus.Waiting))
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, outcome.Status)
                    .SetProperty(i => i.Output, outcome.Output)
                    .SetProperty(i => i.Error, outcome.Error)
                    .SetProperty(i => i.Attempts, i => i.Attempts - uncounted)
                    .SetProperty(i => i.LeaseOwner, (string?)null)
                    .SetProperty(i => i.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(i => i.EndedAt, ended)
                    .SetProperty(i => i.UpdatedAt, now),
                cancellationToken)
            .ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<IReadOnlyList<QueueItemRecord>> ListInProgressAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.QueueItems.AsNoTracking().Where(i => i.Status == QueueItemStatus.InProgress).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> WaitAsync(Guid itemId, Guid runId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.QueueItems
            .Where(i => i.Id == itemId && i.RunId == runId && i.Status == QueueItemStatus.InProgress)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, QueueItemStatus.Waiting)
                    .SetProperty(i => i.LeaseOwner, (string?)null)
                    .SetProperty(i => i.LeaseExpiresAt, (DateTime?)null)
                    .SetProperty(i => i.UpdatedAt, now),
                cancellationToken)
            .ConfigureAwait(false);
        return changed == 1;
    }

    public async Task<QueueItemRecord?> FindWaitingAsync(Guid runId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.QueueItems.AsNoTracking().FirstOrDefaultAsync(i => i.RunId == runId && i.Status == QueueItemStatus.Waiting, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<(QueueItemRecord Item, RunRecord Run)>> ListWaitingOnEndedRunsAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var ended = db.Runs.AsNoTracking().Where(r => r.Status == RunState.Succeeded || r.Status == RunState.Failed || r.Status == RunState.Cancelled);
        var pairs = await db.QueueItems.AsNoTracking()
            .Where(i => i.Status == QueueItemStatus.Waiting)
            .Join(ended, i => i.RunId, r => (Guid?)r.Id, (i, r) => new { Item = i, Run = r })
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        return pairs.Select(p => (p.Item, p.Run)).ToList();
    }

    public async Task<bool> RetryAsync(Guid itemId, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.QueueItems
            .Where(i => i.Id == itemId && i.Status == QueueItemStatus.Failed)
            .ExecuteUpdateAsync(
                s => s.SetProperty(i => i.Status, QueueItemStatus.New)
                    .SetProperty(i => i.Attempts, 0)
                    .SetProperty(i => i.EndedAt, (DateTime?)null)
                    .SetProperty(i => i.UpdatedAt, now),
                cancellationToken)
            .ConfigureAwait(false);
        return changed == 1;
    }
}
