namespace Rpa.Host.Api;

/// <summary>What adding items did: how many were added, how many the queue had already (same reference), and each item.</summary>
public sealed record AddItemsResponse(int Added, int Existing, AddedItemResponse[] Items);
