using System.Collections.Concurrent;

namespace Rpa.Runtime.Dispatch;

/// <summary>The runs going in this process, so a cancel request through this process's API stops its run at once (others see the store flag).</summary>
public sealed class CancellationRegistry
{
    private readonly ConcurrentDictionary<Guid, CancellationTokenSource> _running = new();

    internal IDisposable Register(Guid runId, CancellationTokenSource source)
    {
        _running[runId] = source;
        return new Registration(this, runId);
    }

    /// <summary>Cancels the run if it runs in this process; false otherwise.</summary>
    public bool TryCancel(Guid runId)
    {
        if (!_running.TryGetValue(runId, out var source)) return false;
        try
        {
            source.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    private sealed class Registration(CancellationRegistry registry, Guid runId) : IDisposable
    {
        public void Dispose() => registry._running.TryRemove(runId, out _);
    }
}
