namespace Rpa.Runtime.Store;

/// <summary>A work queue: named items that one bot processes, one run per item (see docs/queues.md).</summary>
public sealed class QueueRecord
{
    public required string Name { get; set; }

    /// <summary>The bot that processes each item (its published version at the time the item is taken).</summary>
    public required string BotName { get; set; }

    public string? Description { get; set; }

    /// <summary>How many times an item is tried in all: a run that fails with an application error is retried until then.</summary>
    public int MaxAttempts { get; set; } = 3;

    /// <summary>How long a worker holds an item without renewing its lease before the item goes back to the queue.</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromMinutes(1);

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
