namespace Rpa.Runtime.Store;

/// <summary>How a run ended, as the job writes it.</summary>
public sealed record RunCompletion(RunState Status, DateTime EndedAt, string? Outputs, string? Error)
{
    /// <summary>When set, the run ends only if this worker still holds it (its lease was not taken over after a missed heartbeat).</summary>
    public string? Worker { get; init; }
}
