using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>An approval as the API shows it (status in lower case: pending, approved, rejected, cancelled).</summary>
public sealed record ApprovalResponse(
    Guid Id,
    Guid RunId,
    string Bot,
    string ActivityId,
    string Title,
    string? Details,
    string Status,
    DateTime RequestedAt,
    DateTime? DecidedAt,
    string? DecidedBy,
    string? Comment)
{
    public static ApprovalResponse From(ApprovalRecord approval) => new(
        approval.Id, approval.RunId, approval.BotName, approval.ActivityId, approval.Title, approval.Details,
        approval.Status.ToString().ToLowerInvariant(), approval.RequestedAt, approval.DecidedAt, approval.DecidedBy, approval.Comment);
}
