using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// On start-up, makes Hangfire agree with the store (the system of record): queued runs are dispatched again, and
/// runs left Running by a dead worker on this machine go back to the queue first. Dispatching is idempotent: a run
/// that already started or ended is never run again (<see cref="IRunStore.TryStartRunAsync"/>).
/// </summary>
public sealed class RunReconciler(IRunStore store, IBackgroundJobClient jobs, WorkerIdentity worker, IOptions<RuntimeOptions> options, ILogger<RunReconciler> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ReconcileOnStart) return;
        var count = await ReconcileAsync(cancellationToken).ConfigureAwait(false);
        if (count > 0) logger.LogInformation("Reconcile: dispatched {Count} run(s) again", count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Dispatches every queued run, and every run of a dead local worker; returns how many.</summary>
    public async Task<int> ReconcileAsync(CancellationToken cancellationToken)
    {
        var live = await store.ListRunsAsync(new RunQuery { Statuses = [RunState.Queued, RunState.Running], Limit = 100_000 }, cancellationToken).ConfigureAwait(false);
        var dispatched = 0;
        foreach (var run in live.OrderBy(r => r.CreatedAt))
        {
            // A queue item's run is not run again: the queue sweeper returns its item to the queue and fails the run. One that
            // resumed after a wait (its item Waiting, held by no worker) is dispatched again like any run.
            if (Queues.QueueRuns.IsQueueRun(run.Trigger) && run.PausedState is null) continue;
            if (run.Status == RunState.Running)
            {
                if (!worker.IsDeadLocalWorker(run.Worker)) continue;
                if (!await store.RequeueAsync(run.Id, run.Worker!, cancellationToken).ConfigureAwait(false)) continue;
                logger.LogWarning("Run {RunId} was running on {Worker}, which is gone; it runs again", run.Id, run.Worker);
            }

            jobs.EnqueueRun(run.Id, run.Queue);
            dispatched++;
        }

        return dispatched;
    }
}
