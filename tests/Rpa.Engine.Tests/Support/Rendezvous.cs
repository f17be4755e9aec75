using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Tests.Support;

/// <summary>
/// Test activity: waits at the run's <see cref="RendezvousPoint"/> service until every party has arrived. Two branches
/// that both pass it were running at the same time; run one after the other, the first one times out and fails.
/// </summary>
[Activity("Testing", "Rendezvous")]
public sealed class Rendezvous : Activity
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var point = context.GetRequiredService<RendezvousPoint>();
        if (!await point.ArriveAsync(Timeout, context.CancellationToken).ConfigureAwait(false))
        {
            throw new ActivityException($"only {point.Arrived} of {point.Parties} parties arrived");
        }
    }
}
