using System.Collections.Concurrent;

namespace Rpa.Runtime.Queues;

/// <summary>The items this process is working on, with their queues' lease durations: the sweeper renews their leases while their runs go.</summary>
public sealed class QueueLeases
{
    private readonly ConcurrentDictionary<Guid, TimeSpan> _held = new();

    public void Hold(Guid itemId, TimeSpan lease) => _held[itemId] = lease;

    public void Release(Guid itemId) => _held.TryRemove(itemId, out _);

    public bool Holds(Guid itemId) => _held.ContainsKey(itemId);

    /// <summary>The held items grouped by lease duration.</summary>
    public IReadOnlyList<(TimeSpan Lease, IReadOnlyCollection<Guid> Items)> ByLease() =>
        _held.ToArray().GroupBy(p => p.Value).Select(g => (g.Key, (IReadOnlyCollection<Guid>)g.Select(p => p.Key).ToList())).ToList();
}
