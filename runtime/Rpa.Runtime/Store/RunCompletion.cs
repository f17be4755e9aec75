namespace Rpa.Runtime.Store;

/// <summary>How a run ended, as the job writes it.</summary>
public sealed record RunCompletion(RunState Status, DateTime EndedAt, string? Outputs, string? Error);
