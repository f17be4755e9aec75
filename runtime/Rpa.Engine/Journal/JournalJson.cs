using System.Text.Json.Nodes;
using Rpa.Engine.Values;

namespace Rpa.Engine.Journal;

/// <summary>The journal as JSON, for files, the store and the designer's live view. Tables are summarised, not copied.</summary>
public static class JournalJson
{
    /// <summary>Tables and long lists are cut to this many rows in the journal.</summary>
    public const int MaxRows = 20;

    public static JsonArray ToJson(IEnumerable<JournalEntry> entries) => new(entries.Select(e => (JsonNode?)ToJson(e)).ToArray());

    public static JsonObject ToJson(JournalEntry entry)
    {
        lock (entry)
        {
            return new JsonObject
            {
                ["sequence"] = entry.Sequence,
                ["parent"] = entry.ParentSequence,
                ["activityId"] = entry.ActivityId,
                ["activityType"] = entry.ActivityType,
                ["path"] = entry.Path,
                ["iteration"] = entry.Iteration,
                ["status"] = entry.Status.ToString(),
                ["outcome"] = entry.Outcome,
                ["startedAt"] = entry.StartedAt.ToString("O"),
                ["endedAt"] = entry.EndedAt?.ToString("O"),
                ["durationMs"] = entry.Duration is { } d ? Math.Round(d.TotalMilliseconds, 3) : null,
                ["inputs"] = Values(entry.Inputs),
                ["outputs"] = Values(entry.Outputs),
                ["error"] = entry.Error is null ? null : ToJson(entry.Error),
            };
        }
    }

    public static JsonObject ToJson(ActivityError error) => new()
    {
        ["activityId"] = error.ActivityId,
        ["activityType"] = error.ActivityType,
        ["path"] = error.Path,
        ["message"] = error.Message,
        ["cause"] = error.Cause,
        ["artifacts"] = new JsonArray(error.Artifacts.Select(a => (JsonNode?)a).ToArray()),
        ["business"] = error.IsBusinessError,
    };

    private static JsonObject? Values(IReadOnlyDictionary<string, object?>? values) =>
        values is null ? null : new JsonObject(values.Select(p => KeyValuePair.Create(p.Key, Summarise(p.Value))));

    /// <summary>A value as the journal shows it: large tables and lists are cut to <see cref="MaxRows"/> rows with a count.</summary>
    public static JsonNode? Summarise(object? value) => value switch
    {
        Table { Count: > MaxRows } table => new JsonObject
        {
            ["table"] = $"{table.Count} rows × {table.Columns.Count} columns",
            ["columns"] = new JsonArray(table.Columns.Select(c => (JsonNode?)c).ToArray()),
            ["firstRows"] = ValueConverter.ToJson(table.Rows.Take(MaxRows).ToList()),
        },
        List<object?> { Count: > MaxRows } list => new JsonObject
        {
            ["list"] = $"{list.Count} items",
            ["firstItems"] = ValueConverter.ToJson(list.Take(MaxRows).ToList()),
        },
        _ => ValueConverter.ToJson(value),
    };
}
