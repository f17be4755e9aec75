namespace Rpa.Runtime.Queues;

/// <summary>Runs of queue items carry the trigger "queue:NAME"; reconcile leaves them to the queue sweeper (their item, not the run, is redone).</summary>
public static class QueueRuns
{
    public const string TriggerPrefix = "queue:";

    public static string TriggerOf(string queueName) => TriggerPrefix + queueName;

    public static bool IsQueueRun(string trigger) => trigger.StartsWith(TriggerPrefix, StringComparison.Ordinal);
}
