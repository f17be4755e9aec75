namespace Rpa.Runtime.Store;

/// <summary>Pending until someone decides; Cancelled when the waiting run was cancelled first.</summary>
public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    Cancelled,
}
