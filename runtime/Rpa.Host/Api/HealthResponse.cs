namespace Rpa.Host.Api;

/// <summary>The answer of /health: the worst status of its checks, and each check.</summary>
public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheck> Checks);
