namespace Rpa.Engine.Journal;

/// <summary>Why an activity failed: the activity where it started, the message, and the underlying cause.</summary>
public sealed record ActivityError(string ActivityId, string ActivityType, string Path, string Message)
{
    /// <summary>The exception type and message underneath, when the message alone does not say it.</summary>
    public string? Cause { get; init; }

    /// <summary>Files saved when it failed (a browser screenshot), as paths or artifact names.</summary>
    public IReadOnlyList<string> Artifacts { get; init; } = [];

    /// <summary>A business exception (<see cref="Activities.BusinessException"/>, the Fail activity with kind 'business'): retrying cannot help.</summary>
    public bool IsBusinessError { get; init; }

    public override string ToString() => $"activity '{ActivityId}' ({ActivityType}) failed: {Message}";
}
