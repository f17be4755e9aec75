using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Queues;

/// <summary>
/// Keeps work queues moving, in every process with a worker, every <see cref="RuntimeOptions.QueueSweepInterval"/>:
/// renews the leases of the items this process works on; returns items whose lease ran out (or whose worker on this
/// machine is gone) to the queue, failing their unfinished run with the reason (an item whose run did end gets that
/// run's outcome); gives Waiting items whose run ended (cancelled while it waited) that run's outcome; and dispatches
/// jobs for queues whose New items have none waiting in Hangfire (at start-up: all).
/// </summary>
public sealed class QueueSweeper(
    IQueueStore queues,
    IRunStore store,
    QueueLeases leases,
    QueueWaits waits,
    QueueDispatch dispatch,
    CancellationRegistry cancellations,
    JobStorage jobs,
    WorkerIdentity worker,
    IOptions<RuntimeOptions> options,
    ILogger<QueueSweeper> logger,
    TimeProvider time) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var first = true;
        using var timer = new PeriodicTimer(options.Value.QueueSweepInterval, time);
        do
        {
            try
            {
                await SweepAsync(first, stoppingToken).ConfigureAwait(false);
                first = false;
            }
            catch (Exception e) when (e is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Sweeping the work queues failed; trying again in {Interval}", options.Value.QueueSweepInterval);
            }
        }
        while (await WaitAsync(timer, stoppingToken).ConfigureAwait(false));
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>One round: renew, return abandoned items, dispatch (every New item when <paramref name="all"/>).</summary>
    public async Task SweepAsync(bool all, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var (itemId, runId, lease) in leases.Held())
        {
            if (await queues.RenewLeasesAsync([itemId], worker.Id, now + lease, cancellationToken).ConfigureAwait(false) > 0) continue;
            if (!leases.Holds(itemId)) continue; // it ended meanwhile

            // The lease ran out and another worker has (or will have) the item: stop this run, its outcome would not count.
            if (cancellations.TryCancel(runId))
            {
                logger.LogWarning("Queue item {ItemId}: this worker lost its lease (the store was out of reach longer than the lease?); run {RunId} stopped", itemId, runId);
            }
        }

        var definitions = (await queues.ListQueuesAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(q => q.Name, StringComparer.Ordinal);
        foreach (var item in await queues.ListInProgressAsync(cancellationToken).ConfigureAwait(false))
        {
            if (leases.Holds(item.Id) || item.RunId is not { } runId) continue;
            var expired = item.LeaseExpiresAt is { } expiry && expiry < now;
            var dead = IsDeadLocalProcess(item.LeaseOwner);
            if (!expired && !dead) continue;
            definitions.TryGetValue(item.QueueName, out var queue);
            await ReturnAsync(item, runId, queue, dead ? "the process running it stopped" : "its worker's lease on the item ran out", cancellationToken).ConfigureAwait(false);
        }

        // A waiting item's run that ended without a worker (cancelled while it waited), or whose end was not recorded on the item.
        foreach (var (item, run) in await queues.ListWaitingOnEndedRunsAsync(cancellationToken).ConfigureAwait(false))
        {
            await waits.EndAsync(item, run, cancellationToken).ConfigureAwait(false);
        }

        var counts = await queues.CountItemsAsync(null, cancellationToken).ConfigureAwait(false);
        var monitoring = jobs.GetMonitoringApi();
        foreach (var (name, statuses) in counts)
        {
            if (!statuses.TryGetValue(QueueItemStatus.New, out var waiting) || waiting == 0) continue;
            var capability = await dispatch.CapabilityQueueAsync(name, cancellationToken).ConfigureAwait(false);
            if (capability is null || !options.Value.Queues.Contains(capability)) continue;
            if (all)
            {
                await dispatch.DispatchAsync(name, waiting, cancellationToken).ConfigureAwait(false);
            }
            else if (monitoring.EnqueuedCount(capability) == 0)
            {
                // New items but no job waiting (a job found the bot unpublished, or jobs were lost): a few more jobs.
                await dispatch.DispatchAsync(name, Math.Min(waiting, options.Value.WorkerCount), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// True when the lease owner was another process on this machine that is gone. (Unlike reconcile, an earlier runtime
    /// instance in this same process does not count: two hosts in one process are both alive; their leases decide.)
    /// </summary>
    private bool IsDeadLocalProcess(string? owner)
    {
        var parts = owner?.Split(':');
        if (parts is not { Length: 3 } || parts[0] != worker.Machine || !int.TryParse(parts[1], out var pid) || pid == worker.ProcessId) return false;
        return worker.IsDeadLocalWorker(owner);
    }

    private async Task ReturnAsync(QueueItemRecord item, Guid runId, QueueRecord? queue, string why, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        QueueItemOutcome outcome;
        if (run is { Status: RunState.Succeeded or RunState.Failed or RunState.Cancelled } && queue is not null)
        {
            // The run ended but its worker stopped before it could record the item: the run's outcome stands.
            outcome = QueueItemOutcomes.From(RunEnd.Of(run), item, queue);
        }
        else
        {
            var reason = $"{why} (worker {item.LeaseOwner}) before run {runId} ended; the item goes back to its queue";
            if (run is { Status: RunState.Running or RunState.Queued })
            {
                var completion = new RunCompletion(RunState.Failed, time.GetUtcNow().UtcDateTime, null, RunBotJob.Problem(reason));
                if (run.Status == RunState.Queued) await store.FailQueuedRunAsync(runId, completion.EndedAt, completion.Error!, cancellationToken).ConfigureAwait(false);
                else await store.CompleteRunAsync(runId, completion, cancellationToken).ConfigureAwait(false);
            }

            outcome = QueueItemOutcomes.Abandoned(item, queue, reason);
        }

        if (!await queues.CompleteAttemptAsync(item.Id, runId, outcome, cancellationToken).ConfigureAwait(false)) return;
        logger.LogWarning("Queue {Queue} item {Reference} (attempt {Attempt}, run {RunId}): {Why}; now {Status}", item.QueueName, item.Reference, item.Attempts, runId, why, outcome.Status);
        if (outcome.Status == QueueItemStatus.New) await dispatch.DispatchAsync(item.QueueName, 1, cancellationToken).ConfigureAwait(false);
    }
}
