namespace Rpa.Host.Api;

/// <summary>One item of an add request: <c>added</c> is false when the queue already had its reference (that item is returned).</summary>
public sealed record AddedItemResponse(bool Added, QueueItemResponse Item);
