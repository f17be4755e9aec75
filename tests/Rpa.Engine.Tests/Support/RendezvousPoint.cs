namespace Rpa.Engine.Tests.Support;

/// <summary>A meeting point for concurrent branches: <see cref="ArriveAsync"/> completes only when every party has arrived.</summary>
public sealed class RendezvousPoint(int parties)
{
    private readonly TaskCompletionSource _everyone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _arrived;

    public int Parties { get; } = parties;

    public int Arrived => Volatile.Read(ref _arrived);

    /// <summary>Waits for the other parties; false when they did not all arrive within <paramref name="timeout"/>.</summary>
    public async Task<bool> ArriveAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (Interlocked.Increment(ref _arrived) == Parties) _everyone.TrySetResult();
        try
        {
            await _everyone.Task.WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
