using System.Text.Json.Nodes;
using Cronos;
using Rpa.Engine.Model;
using Rpa.Engine.Validation;

namespace Rpa.Runtime.Triggers;

/// <summary>
/// Reads and checks the <c>triggers</c> list and the <c>concurrency</c> object of a bot.json. Every problem names the
/// trigger and the field: <c>triggers[nightly].cron</c>, <c>triggers[2].type</c>, <c>concurrency.max</c>.
/// </summary>
public static class TriggerReader
{
    private static readonly string[] Types = [ScheduleTrigger.TypeName, WebhookTrigger.TypeName, FileDropTrigger.TypeName];

    private static readonly Dictionary<string, string[]> Keys = new(StringComparer.Ordinal)
    {
        [ScheduleTrigger.TypeName] = ["type", "name", "cron", "timeZone", "inputs", "description"],
        [WebhookTrigger.TypeName] = ["type", "name", "inputs", "description"],
        [FileDropTrigger.TypeName] = ["type", "name", "folder", "pattern", "input", "inputs", "description"],
    };

    public static (BotTriggers Triggers, IReadOnlyList<ValidationProblem> Problems) Read(BotDefinition bot)
    {
        var problems = new List<ValidationProblem>();
        var triggers = new List<TriggerDefinition>();
        var extensions = bot.Extensions;
        switch (extensions?["triggers"])
        {
            case null:
                break;
            case JsonArray list:
                var names = new HashSet<string>(StringComparer.Ordinal);
                for (var i = 0; i < list.Count; i++)
                {
                    if (list[i] is not JsonObject json)
                    {
                        problems.Add(Problem($"triggers[{i}]", "each trigger is an object with type and name"));
                        continue;
                    }

                    if (Text(json, "name") is { Length: > 0 } name && !names.Add(name))
                    {
                        problems.Add(Problem($"triggers[{name}].name", $"two triggers are named '{name}'; names must be unique in the bot"));
                        continue;
                    }

                    if (ReadOne(bot, json, i, problems) is { } trigger) triggers.Add(trigger);
                }

                break;
            default:
                problems.Add(Problem("triggers", "triggers must be a list of trigger objects"));
                break;
        }

        var max = ReadConcurrency(extensions?["concurrency"], problems);
        return (new BotTriggers(triggers, max), problems);
    }

    /// <summary>The triggers of a bot known to be valid (a saved version); problems are ignored.</summary>
    public static BotTriggers ReadValid(BotDefinition bot) => Read(bot).Triggers;

    private static int? ReadConcurrency(JsonNode? node, List<ValidationProblem> problems)
    {
        if (node is null) return null;
        if (node is not JsonObject json)
        {
            problems.Add(Problem("concurrency", "concurrency must be an object: { \"max\": 1 }"));
            return null;
        }

        foreach (var (key, _) in json.Where(p => p.Key != "max"))
        {
            problems.Add(Problem($"concurrency.{key}", $"unknown property '{key}' (known: max)"));
        }

        if (json["max"] is JsonValue value && value.TryGetValue<int>(out var max) && max >= 1) return max;
        problems.Add(Problem("concurrency.max", "max must be a whole number of 1 or more: how many runs of this bot may run at once"));
        return null;
    }

    private static TriggerDefinition? ReadOne(BotDefinition bot, JsonObject json, int index, List<ValidationProblem> problems)
    {
        var name = Text(json, "name");
        var where = $"triggers[{(string.IsNullOrWhiteSpace(name) ? index.ToString(System.Globalization.CultureInfo.InvariantCulture) : name)}]";
        var before = problems.Count;
        if (json["name"] is null) problems.Add(Problem($"{where}.name", "name is required (a text unique among the bot's triggers)"));
        else if (name is null || !IsName(name)) problems.Add(Problem($"{where}.name", "name must be letters, digits, '-', '_' or '.' (it is part of URLs and run triggers)"));

        var type = Text(json, "type");
        if (type is null || !Keys.TryGetValue(type, out var known))
        {
            problems.Add(Problem($"{where}.type", type is null ? $"type is required (one of {string.Join(", ", Types)})" : $"unknown trigger type '{type}' (one of {string.Join(", ", Types)})"));
            return null;
        }

        foreach (var (key, _) in json.Where(p => !known.Contains(p.Key) && !p.Key.StartsWith("x-", StringComparison.Ordinal)))
        {
            problems.Add(Problem($"{where}.{key}", $"unknown property '{key}' for a {type} trigger (known: {string.Join(", ", known)})"));
        }

        TriggerDefinition? trigger = type switch
        {
            ScheduleTrigger.TypeName => ReadSchedule(bot, json, name ?? "", where, problems),
            WebhookTrigger.TypeName => ReadWebhook(bot, json, name ?? "", where, problems),
            _ => ReadFileDrop(bot, json, name ?? "", where, problems),
        };
        return problems.Count == before ? trigger : null;
    }

    private static ScheduleTrigger? ReadSchedule(BotDefinition bot, JsonObject json, string name, string where, List<ValidationProblem> problems)
    {
        var cron = Text(json, "cron");
        if (cron is null) problems.Add(Problem($"{where}.cron", "cron is required, e.g. \"0 2 * * 1-5\" (minute hour day month weekday)"));
        else
        {
            try
            {
                ScheduleTrigger.ParseCron(cron);
            }
            catch (CronFormatException e)
            {
                problems.Add(Problem($"{where}.cron", $"'{cron}' is not a cron expression: {e.Message}"));
            }
        }

        var zoneId = json["timeZone"] is null ? "UTC" : Text(json, "timeZone");
        TimeZoneInfo? zone = null;
        if (zoneId is null) problems.Add(Problem($"{where}.timeZone", "timeZone must be text: an IANA time zone such as \"Europe/Berlin\""));
        else if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
        {
            problems.Add(Problem($"{where}.timeZone", $"unknown time zone '{zoneId}' (use an IANA name such as \"Europe/Berlin\" or \"UTC\")"));
        }

        var inputs = LiteralInputs(bot, json, where, problems);
        if (inputs is not null) RequireInputs(bot, inputs.Select(p => p.Key), where, "the schedule", problems);
        return cron is null || zone is null || inputs is null ? null : new ScheduleTrigger(name, cron, zone, inputs);
    }

    private static WebhookTrigger? ReadWebhook(BotDefinition bot, JsonObject json, string name, string where, List<ValidationProblem> problems)
    {
        switch (json["inputs"])
        {
            case null:
                return new WebhookTrigger(name, null);
            case JsonObject mapping:
                var inputs = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (input, node) in mapping)
                {
                    if (!bot.Inputs.Any(i => i.Name == input))
                    {
                        problems.Add(Problem($"{where}.inputs.{input}", UnknownInput(bot, input)));
                    }
                    else if (node is not JsonValue value || !value.TryGetValue<string>(out var pointer) || !JsonPointer.IsValid(pointer))
                    {
                        problems.Add(Problem($"{where}.inputs.{input}", "each input maps to a JSON pointer into the body, e.g. \"/order/id\" (\"\" is the whole body)"));
                    }
                    else
                    {
                        inputs[input] = pointer;
                    }
                }

                RequireInputs(bot, mapping.Select(p => p.Key), where, "the hook", problems);
                return new WebhookTrigger(name, inputs);
            default:
                problems.Add(Problem($"{where}.inputs", "inputs must be an object of input name: JSON pointer into the body"));
                return null;
        }
    }

    private static FileDropTrigger? ReadFileDrop(BotDefinition bot, JsonObject json, string name, string where, List<ValidationProblem> problems)
    {
        var folder = Text(json, "folder");
        if (string.IsNullOrWhiteSpace(folder)) problems.Add(Problem($"{where}.folder", "folder is required: the folder to watch (relative paths are relative to the bot's folder)"));
        var pattern = json["pattern"] is null ? "*" : Text(json, "pattern");
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Contains('/', StringComparison.Ordinal) || pattern.Contains('\\', StringComparison.Ordinal))
        {
            problems.Add(Problem($"{where}.pattern", "pattern must be a file name pattern such as \"*.pdf\" (no folders)"));
        }

        var input = Text(json, "input");
        if (input is null) problems.Add(Problem($"{where}.input", "input is required: the bot input that receives the file's path"));
        else if (bot.Inputs.FirstOrDefault(i => i.Name == input) is not { } declared) problems.Add(Problem($"{where}.input", UnknownInput(bot, input)));
        else if (declared.Type is not (Engine.Values.DataType.Text or Engine.Values.DataType.Any)) problems.Add(Problem($"{where}.input", $"input '{input}' is {declared.Type.ToString().ToLowerInvariant()}; the file's path needs a text input"));

        var inputs = LiteralInputs(bot, json, where, problems);
        if (inputs is not null && input is not null) RequireInputs(bot, inputs.Select(p => p.Key).Append(input), where, "the file drop", problems);
        return folder is null || pattern is null || input is null || inputs is null ? null : new FileDropTrigger(name, folder, pattern, input, inputs);
    }

    private static JsonObject? LiteralInputs(BotDefinition bot, JsonObject json, string where, List<ValidationProblem> problems)
    {
        switch (json["inputs"])
        {
            case null:
                return [];
            case JsonObject given:
                foreach (var (input, _) in given.Where(p => !bot.Inputs.Any(i => i.Name == p.Key)))
                {
                    problems.Add(Problem($"{where}.inputs.{input}", UnknownInput(bot, input)));
                }

                return (JsonObject)given.DeepClone();
            default:
                problems.Add(Problem($"{where}.inputs", "inputs must be an object of input name: value"));
                return null;
        }
    }

    /// <summary>An input that is required and has no default must come from the trigger.</summary>
    private static void RequireInputs(BotDefinition bot, IEnumerable<string> given, string where, string what, List<ValidationProblem> problems)
    {
        var names = given.ToHashSet(StringComparer.Ordinal);
        foreach (var input in bot.Inputs.Where(i => i.Required && i.Default is null && !names.Contains(i.Name)))
        {
            problems.Add(Problem($"{where}.inputs", $"input '{input.Name}' is required and {what} gives it no value"));
        }
    }

    private static string UnknownInput(BotDefinition bot, string input) =>
        $"bot '{bot.Name}' has no input '{input}'" + (bot.Inputs.Count == 0 ? " (it declares no inputs)" : $" (its inputs: {string.Join(", ", bot.Inputs.Select(i => i.Name))})");

    private static string? Text(JsonObject json, string key) => json[key] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool IsName(string name) => name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');

    private static ValidationProblem Problem(string property, string message) => new(null, property, message);
}
