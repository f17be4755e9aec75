using System.Text.Json.Nodes;

namespace Rpa.Engine.Execution;

/// <summary>What one leaf activity did: its outcome and the variables it wrote, in order.</summary>
internal sealed record ReplayRecord(string Key, string Outcome, IReadOnlyList<ReplayWrite> Writes);

/// <summary>One variable write of a leaf activity; <see cref="Secret"/> values are masked again when replayed.</summary>
internal sealed record ReplayWrite(string Variable, JsonNode? Value, bool Secret);

/// <summary>
/// The record of a run that can pause: every finished leaf activity with its outcome and variable writes, keyed by its
/// path and how many times that path ran before ("main/approve#0"). A resumed run replays these records instead of
/// running the activities again (no second e-mail, no second payment file), so control flow reaches the bookmark
/// with the same variables; composites run again and take the same decisions.
/// </summary>
internal sealed class ReplayLog
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _occurrences = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReplayRecord> _replay;
    private readonly List<ReplayRecord> _records;
    private readonly string? _resumeKey;
    private JsonObject? _resumeValue;

    public ReplayLog()
        : this([], null, null)
    {
    }

    public ReplayLog(IReadOnlyList<ReplayRecord> completed, string? resumeKey, JsonObject? resumeValue)
    {
        _records = [.. completed];
        _replay = completed.ToDictionary(r => r.Key, StringComparer.Ordinal);
        _resumeKey = resumeKey;
        _resumeValue = resumeValue;
    }

    /// <summary>The key of the next execution of the activity at <paramref name="path"/>.</summary>
    public string NextKey(string path)
    {
        lock (_gate)
        {
            _occurrences.TryGetValue(path, out var count);
            _occurrences[path] = count + 1;
            return $"{path}#{count}";
        }
    }

    /// <summary>The record of an execution that finished before the run paused, to be replayed rather than run.</summary>
    public bool TryReplay(string key, out ReplayRecord record)
    {
        lock (_gate)
        {
            return _replay.Remove(key, out record!);
        }
    }

    public void Complete(ReplayRecord record)
    {
        lock (_gate)
        {
            _records.Add(record);
        }
    }

    /// <summary>True while a resumed run has not yet reached the activity it paused at.</summary>
    public bool IsResumePending(out string key)
    {
        lock (_gate)
        {
            key = _resumeKey ?? "";
            return _resumeValue is not null;
        }
    }

    /// <summary>The answer to the bookmark the run paused at, given once to the activity with that key.</summary>
    public bool TryTakeResumeValue(string key, out JsonObject value)
    {
        lock (_gate)
        {
            if (_resumeValue is null || !string.Equals(key, _resumeKey, StringComparison.Ordinal))
            {
                value = null!;
                return false;
            }

            value = _resumeValue;
            _resumeValue = null;
            return true;
        }
    }

    public IReadOnlyList<ReplayRecord> Records
    {
        get
        {
            lock (_gate)
            {
                return [.. _records];
            }
        }
    }
}
