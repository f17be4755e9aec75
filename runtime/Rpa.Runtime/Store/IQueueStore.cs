namespace Rpa.Runtime.Store;

/// <summary>
/// Work queues and their items in the store (the same database as the runs). An item is taken by one atomic,
/// conditional update (New to InProgress), so two workers never take the same item. Safe to call from many threads.
/// </summary>
public interface IQueueStore
{
    Task<IReadOnlyList<QueueRecord>> ListQueuesAsync(CancellationToken cancellationToken);

    Task<QueueRecord?> GetQueueAsync(string name, CancellationToken cancellationToken);

    /// <summary>Creates or replaces a queue definition; true when it was created.</summary>
    Task<bool> SaveQueueAsync(QueueRecord queue, CancellationToken cancellationToken);

    /// <summary>How many items each queue has in each status (queues without items are absent).</summary>
    Task<IReadOnlyDictionary<string, IReadOnlyDictionary<QueueItemStatus, int>>> CountItemsAsync(string? queueName, CancellationToken cancellationToken);

    /// <summary>
    /// Adds items (their QueueName, Reference, Payload, Priority, Deadline). An item whose reference the queue already
    /// has is not added again: the existing one is returned with <c>Added = false</c>.
    /// </summary>
    Task<IReadOnlyList<(QueueItemRecord Item, bool Added)>> AddItemsAsync(IReadOnlyList<QueueItemRecord> items, CancellationToken cancellationToken);

    Task<IReadOnlyList<QueueItemRecord>> ListItemsAsync(QueueItemQuery query, CancellationToken cancellationToken);

    Task<QueueItemRecord?> GetItemAsync(Guid id, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the queue's next New item (highest priority, then earliest deadline, then oldest) for <paramref name="worker"/>:
    /// InProgress, attempts + 1, the lease until now + the queue's lease, <paramref name="runId"/> as its run. Null when none is New.
    /// </summary>
    Task<QueueItemRecord?> TryClaimAsync(string queueName, string worker, Guid runId, CancellationToken cancellationToken);

    /// <summary>Extends the leases <paramref name="worker"/> holds on these items to <paramref name="until"/>; returns how many it still held.</summary>
    Task<int> RenewLeasesAsync(IReadOnlyCollection<Guid> itemIds, string worker, DateTime until, CancellationToken cancellationToken);

    /// <summary>
    /// Records what the attempt by <paramref name="runId"/> made of the item (InProgress or Waiting); false when the item
    /// is no longer in that attempt.
    /// </summary>
    Task<bool> CompleteAttemptAsync(Guid itemId, Guid runId, QueueItemOutcome outcome, CancellationToken cancellationToken);

    /// <summary>Every InProgress item (a few per worker slot), for the sweeper.</summary>
    Task<IReadOnlyList<QueueItemRecord>> ListInProgressAsync(CancellationToken cancellationToken);

    /// <summary>
    /// The attempt by <paramref name="runId"/> waits for a person (its run paused): InProgress → Waiting, the lease given
    /// up, so no worker holds it. False when the item is no longer in that attempt.
    /// </summary>
    Task<bool> WaitAsync(Guid itemId, Guid runId, CancellationToken cancellationToken);

    /// <summary>The Waiting item whose attempt is the run <paramref name="runId"/>, or null.</summary>
    Task<QueueItemRecord?> FindWaitingAsync(Guid runId, CancellationToken cancellationToken);

    /// <summary>
    /// The Waiting items whose run has ended (Succeeded, Failed or Cancelled), each with that run, in one query: for the
    /// sweeper (a run cancelled while it waited ends without a worker to record its item).
    /// </summary>
    Task<IReadOnlyList<(QueueItemRecord Item, RunRecord Run)>> ListWaitingOnEndedRunsAsync(CancellationToken cancellationToken);

    /// <summary>Puts a Failed item back to New with its attempts reset; false when it is not Failed.</summary>
    Task<bool> RetryAsync(Guid itemId, CancellationToken cancellationToken);
}
