using Hangfire;

namespace Rpa.Runtime.Dispatch;

/// <summary>Hands a run to Hangfire: only its id travels, on the queue its capabilities need.</summary>
public static class RunDispatch
{
    public static string EnqueueRun(this IBackgroundJobClient client, Guid runId, string queue) =>
        client.Enqueue<RunBotJob>(queue, job => job.ExecuteAsync(runId, CancellationToken.None));
}
