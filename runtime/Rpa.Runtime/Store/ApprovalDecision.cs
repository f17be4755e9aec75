namespace Rpa.Runtime.Store;

/// <summary>What deciding an approval did: <see cref="ApprovalDecisionOutcome.Decided"/> puts the run back in the queue.</summary>
public sealed record ApprovalDecision(ApprovalDecisionOutcome Outcome, ApprovalRecord? Approval, RunRecord? Run);

public enum ApprovalDecisionOutcome
{
    Decided,
    NotFound,

    /// <summary>Someone decided first (or the run was cancelled); nothing changed.</summary>
    AlreadyDecided,
}
