using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Rpa.Engine.Journal;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// Journal entries of the runs this process executes, as they start and end, for whoever listens (the live view's
/// event stream). In process only: a run executed by another worker process is followed through the store instead.
/// </summary>
public sealed class RunEventHub
{
    private readonly ConcurrentDictionary<Guid, ConcurrentDictionary<RunEventSubscription, byte>> _listeners = new();

    /// <summary>Listens to one run until the subscription is disposed.</summary>
    public RunEventSubscription Subscribe(Guid runId)
    {
        var subscription = new RunEventSubscription(this, runId);
        _listeners.GetOrAdd(runId, _ => new ConcurrentDictionary<RunEventSubscription, byte>())[subscription] = 0;
        return subscription;
    }

    /// <summary>Sends an entry (as the journal's JSON) to the run's listeners; nothing is kept when nobody listens.</summary>
    public void Publish(Guid runId, JournalEntry entry)
    {
        if (!_listeners.TryGetValue(runId, out var listeners) || listeners.IsEmpty) return;
        var json = JournalJson.ToJson(entry);
        foreach (var listener in listeners.Keys) listener.Write(json);
    }

    internal void Remove(RunEventSubscription subscription)
    {
        if (_listeners.TryGetValue(subscription.RunId, out var listeners))
        {
            listeners.TryRemove(subscription, out _);
            if (listeners.IsEmpty) _listeners.TryRemove(KeyValuePair.Create(subscription.RunId, listeners));
        }
    }
}

/// <summary>One listener of one run: the entries arrive in <see cref="Entries"/>.</summary>
public sealed class RunEventSubscription : IDisposable
{
    private readonly RunEventHub _hub;
    private readonly Channel<JsonObject> _channel = Channel.CreateUnbounded<JsonObject>(new UnboundedChannelOptions { SingleReader = true });

    internal RunEventSubscription(RunEventHub hub, Guid runId)
    {
        _hub = hub;
        RunId = runId;
    }

    public Guid RunId { get; }

    public ChannelReader<JsonObject> Entries => _channel.Reader;

    internal void Write(JsonObject entry) => _channel.Writer.TryWrite(entry);

    public void Dispose()
    {
        _hub.Remove(this);
        _channel.Writer.TryComplete();
    }
}
