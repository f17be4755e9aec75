using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Tests.Support;

/// <summary>Test activity: enters the run's <see cref="ConcurrencyMeter"/>, yields the thread a few times, and exits.</summary>
[Activity("Testing", "Concurrency probe")]
public sealed class ConcurrencyProbe : Activity
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var meter = context.GetRequiredService<ConcurrencyMeter>();
        meter.Enter();
        try
        {
            for (var i = 0; i < 20; i++)
            {
                await Task.Yield();
            }
        }
        finally
        {
            meter.Exit();
        }
    }
}
