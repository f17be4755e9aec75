using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace Rpa.Engine.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created on it, so a test knows when a delay has
/// started waiting and for how long, and can advance the clock by exactly that much.
/// </summary>
public sealed class TimerRecordingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _timers = Channel.CreateUnbounded<TimeSpan>();

    public TimerRecordingTimeProvider()
        : base(new DateTimeOffset(2025, 1, 6, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _timers.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>The due time of the next timer created; fails the test if none is created within 10 seconds.</summary>
    public async Task<TimeSpan> NextTimerAsync() =>
        await _timers.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10));
}
