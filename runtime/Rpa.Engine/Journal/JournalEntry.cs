namespace Rpa.Engine.Journal;

/// <summary>
/// One execution of one activity. Entries form a tree through <see cref="ParentSequence"/>; together with
/// <see cref="Path"/> and <see cref="Iteration"/> they say exactly where a run was, which drives the live view
/// and resumption.
/// </summary>
public sealed class JournalEntry
{
    internal JournalEntry(long sequence, long? parentSequence, string activityId, string activityType, string path, int? iteration, DateTimeOffset startedAt)
    {
        Sequence = sequence;
        ParentSequence = parentSequence;
        ActivityId = activityId;
        ActivityType = activityType;
        Path = path;
        Iteration = iteration;
        StartedAt = startedAt;
    }

    /// <summary>Position in the run, from 1, in start order.</summary>
    public long Sequence { get; }

    /// <summary>The entry of the composite that ran this one; null for the root.</summary>
    public long? ParentSequence { get; }

    public string ActivityId { get; }

    public string ActivityType { get; }

    /// <summary>Activity ids from the root, joined by '/' (a sub-bot's path continues its RunBot's path).</summary>
    public string Path { get; }

    /// <summary>The loop index (ForEach, While), attempt (Retry) or revisit count (Flowchart) this execution belongs to.</summary>
    public int? Iteration { get; }

    public DateTimeOffset StartedAt { get; }

    public DateTimeOffset? EndedAt { get; internal set; }

    public TimeSpan? Duration => EndedAt - StartedAt;

    public ActivityStatus Status { get; internal set; } = ActivityStatus.Running;

    public string? Outcome { get; internal set; }

    /// <summary>Resolved input values, secrets masked.</summary>
    public IReadOnlyDictionary<string, object?>? Inputs => _inputs;

    /// <summary>Output values, secrets masked.</summary>
    public IReadOnlyDictionary<string, object?>? Outputs => _outputs;

    public ActivityError? Error { get; internal set; }

    private Dictionary<string, object?>? _inputs;
    private Dictionary<string, object?>? _outputs;

    /// <summary>Whether the entry carries inputs, outputs or an error (and so must be kept whole in the journal).</summary>
    internal bool HasDetails => _inputs is not null || _outputs is not null || Error is not null;

    internal void RecordInput(string name, object? value)
    {
        lock (this)
        {
            (_inputs ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        }
    }

    internal void RecordOutput(string name, object? value)
    {
        lock (this)
        {
            (_outputs ??= new Dictionary<string, object?>(StringComparer.Ordinal))[name] = value;
        }
    }

    /// <summary>Masks the recorded inputs and outputs again, after a value in them became a secret.</summary>
    internal void Remask(Execution.SecretMasker masker)
    {
        lock (this)
        {
            foreach (var values in new[] { _inputs, _outputs })
            {
                if (values is null) continue;
                foreach (var key in values.Keys.ToList()) values[key] = masker.MaskValue(values[key]);
            }
        }
    }

    public override string ToString() => $"#{Sequence} {Path}{(Iteration is { } i ? $"[{i}]" : "")} {Status} {Outcome}";
}
