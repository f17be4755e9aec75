namespace Rpa.Host.Api;

/// <summary>The latest run a trigger started.</summary>
public sealed record TriggerRunResponse(Guid Id, string Status, DateTime CreatedAt, DateTime? EndedAt);
