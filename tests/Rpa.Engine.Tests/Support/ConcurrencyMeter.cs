namespace Rpa.Engine.Tests.Support;

/// <summary>Counts how many <see cref="ConcurrencyProbe"/> activities run at once, and the most that ever did.</summary>
public sealed class ConcurrencyMeter
{
    private int _active;
    private int _max;
    private int _total;

    public int Max => Volatile.Read(ref _max);

    public int Total => Volatile.Read(ref _total);

    public void Enter()
    {
        var active = Interlocked.Increment(ref _active);
        Interlocked.Increment(ref _total);
        int max;
        do
        {
            max = Volatile.Read(ref _max);
        }
        while (active > max && Interlocked.CompareExchange(ref _max, active, max) != max);
    }

    public void Exit() => Interlocked.Decrement(ref _active);
}
