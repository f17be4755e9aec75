using Rpa.Engine.Journal;

namespace Rpa.Engine.Execution;

/// <summary>How a run ended: status, outputs, the error that failed it, and its journal.</summary>
public sealed record RunResult
{
    public required Guid RunId { get; init; }

    public required string Bot { get; init; }

    public required RunStatus Status { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    public IReadOnlyDictionary<string, object?> Outputs { get; init; } = new Dictionary<string, object?>();

    public ActivityError? Error { get; init; }

    /// <summary>Where a <see cref="RunStatus.Waiting"/> run paused, and what it waits for.</summary>
    public Bookmark? Bookmark { get; init; }

    /// <summary>What a <see cref="RunStatus.Waiting"/> run needs to resume; store it (<see cref="PausedRun.ToJson"/>).</summary>
    public PausedRun? Paused { get; init; }

    public required RunJournal Journal { get; init; }

    public TimeSpan Duration => EndedAt - StartedAt;

    /// <summary>One line a person can act on: which bot, which activity, what went wrong.</summary>
    public string? ErrorMessage => Error is null ? null : $"Bot '{Bot}' failed at activity '{Error.ActivityId}' ({Error.ActivityType}, path {Error.Path}): {Error.Message}";
}
