using System.Diagnostics;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>
/// Times the window of the challenge's rounds, the same way for every variant: a Stopwatch timestamp, the bytes the
/// process allocated (every thread, so Playwright's connection too) and the garbage collections, at start and stop.
/// </summary>
internal sealed class RoundsClock
{
    private long _started;
    private long _stopped;
    private long _bytesStarted;
    private long _bytesStopped;
    private int[] _collectionsStarted = [];
    private int[] _collectionsStopped = [];

    public bool IsComplete => _started != 0 && _stopped != 0;

    public TimeSpan Elapsed => IsComplete ? Stopwatch.GetElapsedTime(_started, _stopped) : throw new InvalidOperationException("The rounds were not timed (no start or no stop).");

    public long BytesAllocated => _bytesStopped - _bytesStarted;

    public int[] Collections => _collectionsStopped.Zip(_collectionsStarted, (after, before) => after - before).ToArray();

    public void Start()
    {
        _collectionsStarted = CollectionCounts();
        _bytesStarted = GC.GetTotalAllocatedBytes(precise: true);
        _started = Stopwatch.GetTimestamp();
    }

    public void Stop()
    {
        _stopped = Stopwatch.GetTimestamp();
        _bytesStopped = GC.GetTotalAllocatedBytes(precise: true);
        _collectionsStopped = CollectionCounts();
    }

    private static int[] CollectionCounts() => Enumerable.Range(0, GC.MaxGeneration + 1).Select(GC.CollectionCount).ToArray();
}
