namespace Rpa.Runtime.Store;

/// <summary>A decision a paused run waits for (a WaitForApproval step): who may answer sees it in /api/approvals.</summary>
public sealed class ApprovalRecord
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public required string BotName { get; set; }

    /// <summary>The waiting activity's id in the bot.</summary>
    public required string ActivityId { get; set; }

    public required string Title { get; set; }

    public string? Details { get; set; }

    public ApprovalStatus Status { get; set; }

    public DateTime RequestedAt { get; set; }

    public DateTime? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }

    public string? Comment { get; set; }
}
