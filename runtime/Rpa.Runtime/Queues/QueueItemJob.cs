using Hangfire;
using Microsoft.Extensions.Logging;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Queues;

/// <summary>
/// The Hangfire job of a work queue: takes the queue's next item (an atomic claim, so no item is taken twice), runs
/// the queue's bot on it as a new run (trigger "queue:NAME", input <c>item</c>), and records the item's outcome (or, when
/// the run pauses for an approval, leaves the item Waiting until the run ends: <see cref="QueueWaits"/>).
/// It takes only the queue's name; when nothing is New it does nothing.
/// </summary>
public sealed class QueueItemJob(
    IQueueStore queues,
    IRunStore store,
    BotCache bots,
    RunBotJob runs,
    QueueLeases leases,
    QueueDispatch dispatch,
    WorkerIdentity worker,
    ILogger<QueueItemJob> logger,
    TimeProvider time)
{
    [AutomaticRetry(Attempts = 0)]
    public async Task ExecuteAsync(string queueName, CancellationToken cancellationToken)
    {
        var queue = await queues.GetQueueAsync(queueName, cancellationToken).ConfigureAwait(false);
        if (queue is null)
        {
            logger.LogWarning("Queue {Queue} does not exist; nothing to take", queueName);
            return;
        }

        var bot = await store.GetBotAsync(queue.BotName, cancellationToken).ConfigureAwait(false);
        if (bot?.PublishedVersion is not { } version)
        {
            logger.LogWarning("Queue {Queue}: bot {Bot} has no published version; its items wait", queueName, queue.BotName);
            return;
        }

        var botVersion = await bots.GetVersionAsync(bot.Name, version, cancellationToken).ConfigureAwait(false);
        var runId = Guid.CreateVersion7();
        var item = await queues.TryClaimAsync(queueName, worker.Id, runId, cancellationToken).ConfigureAwait(false);
        if (item is null) return;

        leases.Hold(item.Id, runId, queue.LeaseDuration);
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var run = new RunRecord
            {
                Id = runId,
                BotName = bot.Name,
                BotVersion = version,
                Trigger = QueueRuns.TriggerOf(queueName),
                Inputs = QueueItemInput.ToInputs(item).ToJsonString(),
                Status = RunState.Running,
                Queue = botVersion?.Record.Queue ?? RunQueues.Default,
                CreatedAt = now,
                StartedAt = now,
                Worker = worker.Id,
                Attempts = 1,
            };
            await store.CreateRunAsync(run, CancellationToken.None).ConfigureAwait(false);
            var end = await runs.RunStartedAsync(run, requeueOnShutdown: false, cancellationToken).ConfigureAwait(false);
            if (end is null)
            {
                // The run waits for a person (an approval): so does the item, holding no worker; the run's end decides it.
                if (await queues.WaitAsync(item.Id, runId, CancellationToken.None).ConfigureAwait(false))
                {
                    logger.LogInformation("Queue {Queue} item {Reference} (attempt {Attempt}): run {RunId} waits for a person; the item waits with it", queueName, item.Reference, item.Attempts, runId);
                }

                return;
            }

            var outcome = QueueItemOutcomes.From(end, item, queue);
            if (!await queues.CompleteAttemptAsync(item.Id, runId, outcome, CancellationToken.None).ConfigureAwait(false))
            {
                logger.LogWarning("Queue {Queue} item {Reference}: run {RunId} ended but the item had left that attempt (its lease ran out)", queueName, item.Reference, runId);
                return;
            }

            logger.LogInformation("Queue {Queue} item {Reference} (attempt {Attempt}): {Status}", queueName, item.Reference, item.Attempts, outcome.Status);
            if (outcome.Status == QueueItemStatus.New) await dispatch.DispatchAsync(queueName, 1, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            leases.Release(item.Id);
        }
    }
}
