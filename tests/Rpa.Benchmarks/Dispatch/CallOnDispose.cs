namespace Rpa.Benchmarks.Dispatch;

/// <summary>Runs an asynchronous clean-up at the end of an <c>await using</c> block (here: removing the PostgreSQL cluster).</summary>
internal sealed class CallOnDispose(Func<Task> cleanUp) : IAsyncDisposable
{
    public async ValueTask DisposeAsync() => await cleanUp().ConfigureAwait(false);
}
