using System.Text.Json.Nodes;

namespace Rpa.Runtime.Queues;

/// <summary>A queue definition as the API and queues.json give it: <c>{ "bot", "description", "maxAttempts", "leaseSeconds" }</c>.</summary>
public sealed record QueueDefinition(string Name, string Bot)
{
    public const int DefaultMaxAttempts = 3;

    public const int DefaultLeaseSeconds = 60;

    public string? Description { get; init; }

    public int MaxAttempts { get; init; } = DefaultMaxAttempts;

    public double LeaseSeconds { get; init; } = DefaultLeaseSeconds;

    /// <summary>Reads a definition; every problem goes into <paramref name="errors"/> by field (prefixed with <paramref name="place"/>).</summary>
    public static QueueDefinition? Read(string name, JsonNode? json, string place, IDictionary<string, string[]> errors)
    {
        if (json is not JsonObject body)
        {
            errors[place.Length == 0 ? "body" : place] = ["must be a JSON object: { \"bot\": name, \"description\", \"maxAttempts\", \"leaseSeconds\" }"];
            return null;
        }

        string Field(string field) => place.Length == 0 ? field : $"{place}.{field}";
        var count = errors.Count;
        string? bot = null;
        if (body["bot"] is JsonValue b && b.TryGetValue<string>(out var botName) && botName.Length > 0) bot = botName;
        else errors[Field("bot")] = ["is required: the name of the bot that processes each item"];

        string? description = null;
        if (body["description"] is { } d)
        {
            if (d is JsonValue dv && dv.TryGetValue<string>(out var text)) description = text;
            else errors[Field("description")] = ["must be text"];
        }

        var maxAttempts = DefaultMaxAttempts;
        if (body["maxAttempts"] is { } m)
        {
            if (m is not JsonValue mv || !mv.TryGetValue<int>(out maxAttempts) || maxAttempts is < 1 or > 100) errors[Field("maxAttempts")] = ["must be a whole number from 1 to 100"];
        }

        double leaseSeconds = DefaultLeaseSeconds;
        if (body["leaseSeconds"] is { } l)
        {
            if (l is not JsonValue lv || !lv.TryGetValue<double>(out leaseSeconds) || leaseSeconds is < 0.1 or > 86_400) errors[Field("leaseSeconds")] = ["must be a number of seconds from 0.1 to 86400"];
        }

        foreach (var (key, _) in body)
        {
            if (key is not ("bot" or "description" or "maxAttempts" or "leaseSeconds" or "name")) errors[Field(key)] = ["is not a queue setting (bot, description, maxAttempts, leaseSeconds)"];
        }

        return errors.Count > count ? null : new QueueDefinition(name, bot!) { Description = description, MaxAttempts = maxAttempts, LeaseSeconds = leaseSeconds };
    }
}
