using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// When Hangfire gives up on a run's job (its last automatic retry failed, or the job could not be performed at all),
/// the run must not stay Queued with nobody left to run it: it fails, with the job's error as the reason. A run that
/// already started is left to its job. If the store cannot be written either, the run stays Queued and the next
/// start-up's reconcile dispatches it again: it is never lost.
/// </summary>
internal sealed class RunJobFailureFilter(IRunStore store, TimeProvider time, ILogger<RunJobFailureFilter> logger) : IApplyStateFilter
{
    public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
        if (context.NewState is not FailedState failed) return;
        if (context.BackgroundJob?.Job is not { } job || job.Type != typeof(RunBotJob) || job.Args is not [Guid runId, ..]) return;

        var reason = $"the runtime could not start the run (job {context.BackgroundJob.Id} failed: {failed.Exception?.GetType().Name}: {failed.Exception?.Message})";
        try
        {
            // Hangfire's state filters are synchronous; this runs on a Hangfire worker thread, with no synchronization context.
            if (store.FailQueuedRunAsync(runId, time.GetUtcNow().UtcDateTime, RunBotJob.Problem(reason), CancellationToken.None).GetAwaiter().GetResult())
            {
                logger.LogError(failed.Exception, "Run {RunId} failed: {Reason}", runId, reason);
            }
        }
        catch (Exception e)
        {
            logger.LogError(e, "Run {RunId}: its job failed ({Reason}) and the store could not record it; the run stays queued until a start-up reconciles it", runId, reason);
        }
    }

    public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
    {
    }
}
