using System.Collections.Concurrent;

namespace Rpa.Runtime.Queues;

/// <summary>The items this process is working on, with their runs and their queues' lease durations: the sweeper renews their leases while their runs go.</summary>
public sealed class QueueLeases
{
    private readonly ConcurrentDictionary<Guid, (Guid RunId, TimeSpan Lease)> _held = new();

    public void Hold(Guid itemId, Guid runId, TimeSpan lease) => _held[itemId] = (runId, lease);

    public void Release(Guid itemId) => _held.TryRemove(itemId, out _);

    public bool Holds(Guid itemId) => _held.ContainsKey(itemId);

    /// <summary>The held items: item id, its run, its lease duration.</summary>
    public IReadOnlyList<(Guid ItemId, Guid RunId, TimeSpan Lease)> Held() =>
        _held.ToArray().Select(p => (p.Key, p.Value.RunId, p.Value.Lease)).ToList();
}
