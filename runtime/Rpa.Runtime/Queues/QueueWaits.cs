using Microsoft.Extensions.Logging;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Queues;

/// <summary>
/// Items whose run waits for a person (an approval). While it waits the item is Waiting and no worker holds it; when the
/// run ends after it resumed (or is cancelled while it waits), the item gets the run's outcome as any attempt does.
/// </summary>
public sealed class QueueWaits(IQueueStore queues, QueueDispatch dispatch, ILogger<QueueWaits> logger)
{
    /// <summary>Records the outcome of the Waiting item whose run <paramref name="runId"/> ended; false when no item waits on it.</summary>
    public async Task<bool> EndAsync(Guid runId, RunEnd end, CancellationToken cancellationToken)
    {
        var item = await queues.FindWaitingAsync(runId, cancellationToken).ConfigureAwait(false);
        return item is not null && await EndAsync(item, end, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Records the outcome of a Waiting <paramref name="item"/> from its run as the store has it, once that run has ended.</summary>
    public async Task<bool> EndAsync(QueueItemRecord item, RunRecord run, CancellationToken cancellationToken)
    {
        if (run.Status is not (RunState.Succeeded or RunState.Failed or RunState.Cancelled)) return false;
        return await EndAsync(item, RunEnd.Of(run), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> EndAsync(QueueItemRecord item, RunEnd end, CancellationToken cancellationToken)
    {
        // A queue removed meanwhile allows no more attempts.
        var queue = await queues.GetQueueAsync(item.QueueName, cancellationToken).ConfigureAwait(false)
            ?? new QueueRecord { Name = item.QueueName, BotName = "", MaxAttempts = item.Attempts };
        var outcome = QueueItemOutcomes.From(end, item, queue);
        if (!await queues.CompleteAttemptAsync(item.Id, item.RunId!.Value, outcome, cancellationToken).ConfigureAwait(false)) return false;

        logger.LogInformation("Queue {Queue} item {Reference} (attempt {Attempt}): its run {RunId} ended after waiting; {Status}", item.QueueName, item.Reference, item.Attempts, item.RunId, outcome.Status);
        if (outcome.Status == QueueItemStatus.New) await dispatch.DispatchAsync(item.QueueName, 1, cancellationToken).ConfigureAwait(false);
        return true;
    }
}
