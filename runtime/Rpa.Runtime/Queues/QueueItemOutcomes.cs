using System.Text.Json.Nodes;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Queues;

/// <summary>
/// What a run makes of its item: succeeded → Successful (the run's outputs are the item's output); failed with a
/// business exception → Failed, not retried; any other failure → New again for another run, until the queue's
/// MaxAttempts, then Failed; cancelled by a person → Failed; the worker stopped → New, the attempt not counted.
/// </summary>
public static class QueueItemOutcomes
{
    public static QueueItemOutcome From(RunEnd end, QueueItemRecord item, QueueRecord queue)
    {
        var completion = end.Completion;
        switch (completion.Status)
        {
            case RunState.Succeeded:
                return new QueueItemOutcome(QueueItemStatus.Successful, completion.Outputs ?? "{}", null);
            case RunState.Cancelled when IsWorkerStopped(completion.Error):
                return new QueueItemOutcome(QueueItemStatus.New, null, completion.Error) { Uncounted = true };
            case RunState.Cancelled:
                return new QueueItemOutcome(QueueItemStatus.Failed, null, Error(completion.Error, "the run was cancelled", end.IsBusinessError));
            default:
                var retry = !end.IsBusinessError && item.Attempts < queue.MaxAttempts;
                return new QueueItemOutcome(retry ? QueueItemStatus.New : QueueItemStatus.Failed, null, Error(completion.Error, "the run failed", end.IsBusinessError));
        }
    }

    /// <summary>The run's worker died (its lease ran out, or reconcile found its process gone): another attempt unless it was the last.</summary>
    public static QueueItemOutcome Abandoned(QueueItemRecord item, QueueRecord? queue, string reason)
    {
        var error = new JsonObject { ["message"] = reason, ["business"] = false }.ToJsonString();
        var retry = queue is null || item.Attempts < queue.MaxAttempts;
        return new QueueItemOutcome(retry ? QueueItemStatus.New : QueueItemStatus.Failed, null, error);
    }

    private static bool IsWorkerStopped(string? error) =>
        error is not null && JsonNode.Parse(error)?["message"]?.GetValue<string>() == RunBotJob.WorkerStopped;

    private static string Error(string? runError, string fallback, bool business)
    {
        var error = runError is null ? new JsonObject { ["message"] = fallback } : JsonNode.Parse(runError) as JsonObject ?? new JsonObject { ["message"] = fallback };
        error["business"] = business;
        return error.ToJsonString();
    }
}
