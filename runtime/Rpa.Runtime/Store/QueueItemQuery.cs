namespace Rpa.Runtime.Store;

/// <summary>Filters for listing a queue's items (oldest first), a page at a time.</summary>
public sealed record QueueItemQuery(string QueueName)
{
    public QueueItemStatus? Status { get; init; }

    public string? Reference { get; init; }

    public int Offset { get; init; }

    public int Limit { get; init; } = 100;
}
