namespace Rpa.Runtime.Store;

/// <summary>One item of a work queue: its data, where it is, and what its runs made of it.</summary>
public sealed class QueueItemRecord
{
    public Guid Id { get; set; }

    public required string QueueName { get; set; }

    /// <summary>The caller's key for the item (an invoice number), unique within the queue: adding it again changes nothing.</summary>
    public required string Reference { get; set; }

    /// <summary>The item's data, a JSON object.</summary>
    public string Payload { get; set; } = "{}";

    /// <summary>Higher first.</summary>
    public int Priority { get; set; }

    /// <summary>Items with an earlier deadline go first among equal priorities; items without one go last.</summary>
    public DateTime? Deadline { get; set; }

    public QueueItemStatus Status { get; set; }

    /// <summary>How many times a run took it.</summary>
    public int Attempts { get; set; }

    /// <summary>The run of the current (or last) attempt.</summary>
    public Guid? RunId { get; set; }

    /// <summary>The runs of every attempt, oldest first, comma-separated.</summary>
    public string RunIds { get; set; } = "";

    /// <summary>The worker that holds the item while it is InProgress.</summary>
    public string? LeaseOwner { get; set; }

    /// <summary>When the item goes back to the queue unless its worker renews the lease.</summary>
    public DateTime? LeaseExpiresAt { get; set; }

    /// <summary>The outputs of the run that processed it, a JSON object (Successful).</summary>
    public string? Output { get; set; }

    /// <summary>Why the last attempt failed, a JSON object (message, activity, business).</summary>
    public string? Error { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>When it became Successful or Failed.</summary>
    public DateTime? EndedAt { get; set; }
}
