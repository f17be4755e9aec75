using Hangfire;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Queues;

/// <summary>
/// Hands work on a queue to Hangfire: one <see cref="QueueItemJob"/> per item waiting, on the capability queue of the
/// queue's bot (default, browser, ocr). A job takes whichever item is next when it runs, so extra jobs do nothing.
/// </summary>
public sealed class QueueDispatch(IQueueStore queues, IRunStore store, BotCache bots, IBackgroundJobClient jobs)
{
    /// <summary>Enqueues <paramref name="count"/> jobs for the queue; false when its bot has no published version (the items wait).</summary>
    public async Task<bool> DispatchAsync(string queueName, int count, CancellationToken cancellationToken)
    {
        if (count <= 0) return true;
        var capability = await CapabilityQueueAsync(queueName, cancellationToken).ConfigureAwait(false);
        if (capability is null) return false;
        for (var i = 0; i < count; i++) jobs.Enqueue<QueueItemJob>(capability, job => job.ExecuteAsync(queueName, CancellationToken.None));
        return true;
    }

    /// <summary>The Hangfire queue the queue's bot needs, or null when the queue or its published bot is missing.</summary>
    public async Task<string?> CapabilityQueueAsync(string queueName, CancellationToken cancellationToken)
    {
        var queue = await queues.GetQueueAsync(queueName, cancellationToken).ConfigureAwait(false);
        if (queue is null) return null;
        var bot = await store.GetBotAsync(queue.BotName, cancellationToken).ConfigureAwait(false);
        if (bot?.PublishedVersion is not { } version) return null;
        return (await bots.GetVersionAsync(bot.Name, version, cancellationToken).ConfigureAwait(false))?.Record.Queue;
    }
}
