using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>A work queue as the API shows it, with how many items it has in each status (new = the queue's depth).</summary>
public sealed record QueueResponse(
    string Name,
    string Bot,
    string? Description,
    int MaxAttempts,
    double LeaseSeconds,
    IReadOnlyDictionary<string, int> Counts,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    public static QueueResponse From(QueueRecord queue, IReadOnlyDictionary<QueueItemStatus, int>? counts) => new(
        queue.Name, queue.BotName, queue.Description, queue.MaxAttempts, queue.LeaseDuration.TotalSeconds,
        Enum.GetValues<QueueItemStatus>().ToDictionary(QueueItemStatuses.ToApiName, s => counts?.GetValueOrDefault(s) ?? 0, StringComparer.Ordinal),
        queue.CreatedAt, queue.UpdatedAt);
}
