using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rpa.Engine.Execution;

/// <summary>
/// What a paused run needs to resume, as JSON: the bookmark it waits at and the replay records of every activity that
/// finished before. Store it with the run; give it to <see cref="BotRunner.ResumeAsync"/> with the answer.
/// It holds the values the bot's activities wrote (secret ones included, flagged), so store it like the run's inputs.
/// </summary>
public sealed class PausedRun
{
    private const int FormatVersion = 1;

    internal PausedRun(string bot, Bookmark bookmark, string bookmarkKey, long nextSequence, IReadOnlyList<ReplayRecord> completed)
    {
        Bot = bot;
        Bookmark = bookmark;
        BookmarkKey = bookmarkKey;
        NextSequence = nextSequence;
        Completed = completed;
    }

    public string Bot { get; }

    public Bookmark Bookmark { get; }

    /// <summary>The number the resumed run's first journal entry takes: entries continue, they do not start again at 1.</summary>
    public long NextSequence { get; }

    internal string BookmarkKey { get; }

    internal IReadOnlyList<ReplayRecord> Completed { get; }

    public string ToJson()
    {
        var completed = new JsonArray();
        foreach (var record in Completed)
        {
            var writes = new JsonArray();
            foreach (var write in record.Writes)
            {
                var item = new JsonObject { ["variable"] = write.Variable, ["value"] = write.Value?.DeepClone() };
                if (write.Secret) item["secret"] = true;
                writes.Add(item);
            }

            completed.Add(new JsonObject { ["key"] = record.Key, ["outcome"] = record.Outcome, ["writes"] = writes });
        }

        var json = new JsonObject
        {
            ["format"] = FormatVersion,
            ["bot"] = Bot,
            ["nextSequence"] = NextSequence,
            ["bookmark"] = new JsonObject
            {
                ["id"] = Bookmark.Id,
                ["name"] = Bookmark.Name,
                ["key"] = BookmarkKey,
                ["activityId"] = Bookmark.ActivityId,
                ["activityType"] = Bookmark.ActivityType,
                ["path"] = Bookmark.Path,
                ["payload"] = Bookmark.Payload.DeepClone(),
                ["createdAt"] = Bookmark.CreatedAt.ToString("O", CultureInfo.InvariantCulture),
            },
            ["completed"] = completed,
        };
        return json.ToJsonString();
    }

    /// <summary>Reads a state written by <see cref="ToJson"/>; a damaged one gives a <see cref="FormatException"/> that says what is wrong.</summary>
    public static PausedRun Parse(string json)
    {
        try
        {
            var root = JsonNode.Parse(json)?.AsObject() ?? throw new FormatException("the run state is empty");
            var format = (int?)root["format"] ?? 0;
            if (format != FormatVersion) throw new FormatException($"the run state has format {format}; this runtime reads format {FormatVersion}");
            var b = Required(root, "bookmark").AsObject();
            var bookmark = new Bookmark(
                Text(b, "id"),
                Text(b, "name"),
                Text(b, "activityId"),
                Text(b, "activityType"),
                Text(b, "path"),
                Required(b, "payload").AsObject().DeepClone().AsObject(),
                DateTimeOffset.Parse(Text(b, "createdAt"), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
            var completed = Required(root, "completed").AsArray().Select(node =>
            {
                var r = node!.AsObject();
                var writes = Required(r, "writes").AsArray()
                    .Select(w => new ReplayWrite(Text(w!.AsObject(), "variable"), w["value"]?.DeepClone(), (bool?)w["secret"] ?? false))
                    .ToList();
                return new ReplayRecord(Text(r, "key"), Text(r, "outcome"), writes);
            }).ToList();
            return new PausedRun(Text(root, "bot"), bookmark, Text(b, "key"), (long?)root["nextSequence"] ?? 1, completed);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException or ArgumentException)
        {
            throw new FormatException($"The stored state of the paused run cannot be read: {e.Message}", e);
        }
    }

    private static JsonNode Required(JsonObject o, string name) => o[name] ?? throw new FormatException($"'{name}' is missing");

    private static string Text(JsonObject o, string name) => (string?)Required(o, name) ?? throw new FormatException($"'{name}' is not text");
}
