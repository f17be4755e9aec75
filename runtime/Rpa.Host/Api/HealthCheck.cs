namespace Rpa.Host.Api;

/// <summary>One part of /health: healthy, degraded (works, with less) or unhealthy, and what it saw.</summary>
public sealed record HealthCheck(string Status, string Detail);
