namespace Rpa.Engine.Execution;

/// <summary>
/// Things a run opens and must close whatever happens (a browser context, a connection): activities get or create
/// them by type, and the runner disposes them when the run ends, in reverse order of creation.
/// Bots started with RunBot share their caller's resources.
/// </summary>
public sealed class RunResources : IAsyncDisposable
{
    private readonly Dictionary<Type, object> _byType = [];
    private readonly List<object> _created = [];
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async ValueTask<T> GetOrCreateAsync<T>(Func<CancellationToken, ValueTask<T>> create, CancellationToken cancellationToken) where T : class
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            lock (_byType)
            {
                if (_byType.TryGetValue(typeof(T), out var existing)) return (T)existing;
            }

            var created = await create(cancellationToken).ConfigureAwait(false);
            lock (_byType)
            {
                _byType[typeof(T)] = created;
                _created.Add(created);
            }

            return created;
        }
        finally
        {
            _gate.Release();
        }
    }

    public T? Find<T>() where T : class
    {
        lock (_byType)
        {
            return _byType.TryGetValue(typeof(T), out var existing) ? (T)existing : null;
        }
    }

    /// <summary>Forgets a resource (it was closed by an activity); it is not disposed again at the end of the run.</summary>
    public void Remove<T>() where T : class
    {
        lock (_byType)
        {
            if (_byType.Remove(typeof(T), out var existing)) _created.Remove(existing);
        }
    }

    public async ValueTask DisposeAsync()
    {
        List<object> toDispose;
        lock (_byType)
        {
            toDispose = [.. _created];
            toDispose.Reverse();
            _created.Clear();
            _byType.Clear();
        }

        foreach (var resource in toDispose)
        {
            try
            {
                if (resource is IAsyncDisposable asyncDisposable) await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                else if (resource is IDisposable disposable) disposable.Dispose();
            }
            catch (Exception)
            {
                // Closing must not hide how the run ended; a resource that fails to close is already unusable.
            }
        }

        _gate.Dispose();
    }
}
