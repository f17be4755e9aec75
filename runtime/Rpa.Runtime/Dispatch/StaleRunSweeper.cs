using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// Every heartbeat interval, puts runs whose worker stopped sending heartbeats for longer than the lease
/// (<see cref="RuntimeOptions.RunLeaseTimeout"/>) back to the queue and dispatches them again: a worker that died on
/// another machine loses its runs to the living. The store's conditional update lets exactly one process take each run.
/// </summary>
public sealed class StaleRunSweeper(IRunStore store, IBackgroundJobClient jobs, IOptions<RuntimeOptions> options, TimeProvider time, ILogger<StaleRunSweeper> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RunHeartbeatInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                try
                {
                    await SweepAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    logger.LogWarning(e, "Looking for runs of dead workers failed; trying again at the next tick");
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Requeues and dispatches the runs whose lease expired; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = (time.GetUtcNow() - options.Value.RunLeaseTimeout).UtcDateTime;
        var requeued = await store.RequeueStaleRunsAsync(cutoff, cancellationToken).ConfigureAwait(false);
        foreach (var run in requeued)
        {
            logger.LogWarning("Run {RunId} was running on {Worker}, which sent no heartbeat since {Heartbeat:O}; it runs again", run.Id, run.Worker, run.HeartbeatAt);
            jobs.EnqueueRun(run.Id, run.Queue);
        }

        return requeued.Count;
    }
}
