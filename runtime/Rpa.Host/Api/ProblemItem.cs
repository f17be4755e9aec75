namespace Rpa.Host.Api;

/// <summary>One problem of a bot or of a run's inputs: where (activity id, property) and why.</summary>
public sealed record ProblemItem(string? ActivityId, string? Property, string Message);
