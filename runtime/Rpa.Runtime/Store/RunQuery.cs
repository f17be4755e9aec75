namespace Rpa.Runtime.Store;

/// <summary>A filter over runs; every part is optional. Newest first.</summary>
public sealed record RunQuery
{
    public string? Bot { get; init; }

    public IReadOnlyList<RunState>? Statuses { get; init; }

    /// <summary>Runs started by exactly this trigger ("api", "schedule:nightly", ...).</summary>
    public string? Trigger { get; init; }

    /// <summary>Runs whose trigger starts with this text (e.g. "file:/in/" for a file drop's runs).</summary>
    public string? TriggerPrefix { get; init; }

    /// <summary>Runs created at or after this time (UTC).</summary>
    public DateTime? CreatedFrom { get; init; }

    /// <summary>Runs created before this time (UTC).</summary>
    public DateTime? CreatedTo { get; init; }

    public int Limit { get; init; } = 100;
}
