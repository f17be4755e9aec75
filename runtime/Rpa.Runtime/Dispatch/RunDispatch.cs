using Hangfire;

namespace Rpa.Runtime.Dispatch;

/// <summary>Hands a run to Hangfire: only its id travels, on the queue its capabilities need.</summary>
public static class RunDispatch
{
    public static string EnqueueRun(this IBackgroundJobClient client, Guid runId, string queue) =>
        client.Enqueue<RunBotJob>(queue, job => job.ExecuteAsync(runId, CancellationToken.None));

    /// <summary>Dispatches the run again after <paramref name="delay"/> (a run waiting for a free slot of its bot's concurrency limit).</summary>
    public static string ScheduleRun(this IBackgroundJobClient client, Guid runId, string queue, TimeSpan delay) =>
        client.Schedule<RunBotJob>(queue, job => job.ExecuteAsync(runId, CancellationToken.None), delay);
}
