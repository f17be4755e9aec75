using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Rpa.Runtime.Triggers;

/// <summary>On start-up (after the bots folder is imported): registers the published bots' schedules as Hangfire recurring jobs.</summary>
public sealed class TriggerStartup(ScheduleRegistrar schedules, ILogger<TriggerStartup> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var registered = await schedules.SyncAsync(cancellationToken).ConfigureAwait(false);
        if (registered.Count > 0) logger.LogInformation("Schedules registered: {Schedules}", string.Join(", ", registered));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
