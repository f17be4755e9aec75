using System.Text.Json.Nodes;
using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>A queue item as the API shows it: status (new, inProgress, successful, failed), attempts, the run of each attempt, output, error.</summary>
public sealed record QueueItemResponse(
    Guid Id,
    string Queue,
    string Reference,
    JsonNode? Payload,
    int Priority,
    DateTime? Deadline,
    string Status,
    int Attempts,
    Guid? RunId,
    Guid[] Runs,
    string? LeaseOwner,
    DateTime? LeaseExpiresAt,
    JsonNode? Output,
    JsonNode? Error,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? EndedAt)
{
    public static QueueItemResponse From(QueueItemRecord item) => new(
        item.Id, item.QueueName, item.Reference, ApiJson.Parse(item.Payload), item.Priority, item.Deadline,
        item.Status.ToApiName(), item.Attempts, item.RunId,
        item.RunIds.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToArray(),
        item.LeaseOwner, item.LeaseExpiresAt, ApiJson.Parse(item.Output), ApiJson.Parse(item.Error),
        item.CreatedAt, item.UpdatedAt, item.EndedAt);
}
