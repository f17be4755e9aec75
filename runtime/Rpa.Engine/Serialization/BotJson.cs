using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rpa.Engine.Model;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Serialization;

/// <summary>
/// Reads and writes the bot.json format (docs/bot-format.md). Reading reports every format problem at once with its
/// place; writing is canonical, so read → write → read gives the same bot.
/// </summary>
public static class BotJson
{
    public const string SchemaUrl = "https://rpa.dev/schemas/bot-1.json";

    private static readonly HashSet<string> TopLevelKeys = ["$schema", "format", "name", "version", "description", "inputs", "outputs", "variables", "root"];

    /// <summary>Top-level keys the engine keeps without interpreting them; so do keys starting with "x-".</summary>
    private static readonly HashSet<string> ExtensionKeys = ["$schema", "triggers", "tags", "sla", "designer", "concurrency", "queues"];

    private static readonly HashSet<string> ActivityKeys = ["id", "type", "displayName", "inputs", "outputs", "connections", "start", "designer"];

    private static readonly HashSet<string> ExpressionKeys = ["js", "liquid", "literal"];

    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, AllowDuplicateProperties = false };

    private static readonly JsonSerializerOptions WriteOptions = new() { WriteIndented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static BotReadResult Read(string json)
    {
        JsonNode? document;
        try
        {
            document = JsonNode.Parse(json, documentOptions: DocumentOptions);
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" at line {line + 1}, column {Column(json, line, e.BytePositionInLine ?? 0)}" : "";
            return new BotReadResult(null, [new ValidationProblem(null, null, $"the file is not valid JSON{where}: {FirstSentence(e.Message)}")]);
        }

        var reader = new Reader();
        BotDefinition? bot;
        try
        {
            bot = reader.ReadBot(document);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            return new BotReadResult(null, [.. reader.Problems, new ValidationProblem(null, null, $"the bot cannot be read: {e.Message}")]);
        }

        return new BotReadResult(reader.Problems.Count == 0 ? bot : null, reader.Problems);
    }

    public static BotReadResult ReadFile(string path)
    {
        try
        {
            return Read(File.ReadAllText(path));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new BotReadResult(null, [new ValidationProblem(null, null, $"cannot read {path}: {e.Message}")]);
        }
    }

    /// <exception cref="BotValidationException">The JSON is not a valid bot.</exception>
    public static BotDefinition Parse(string json)
    {
        var result = Read(json);
        return result.Success ? result.Bot! : throw new BotValidationException(TryName(json), result.Problems);
    }

    public static string Write(BotDefinition bot) => ToJson(bot).ToJsonString(WriteOptions) + "\n";

    public static JsonObject ToJson(BotDefinition bot)
    {
        var json = new JsonObject();
        if (bot.Extensions?["$schema"] is { } schema) json["$schema"] = schema.DeepClone();
        json["format"] = BotDefinition.CurrentFormatVersion;
        json["name"] = bot.Name;
        json["version"] = bot.Version;
        if (bot.Description is not null) json["description"] = bot.Description;
        if (bot.Inputs.Count > 0) json["inputs"] = new JsonArray(bot.Inputs.Select(WriteArgument).ToArray<JsonNode?>());
        if (bot.Outputs.Count > 0) json["outputs"] = new JsonArray(bot.Outputs.Select(WriteArgument).ToArray<JsonNode?>());
        if (bot.Variables.Count > 0) json["variables"] = new JsonArray(bot.Variables.Select(WriteVariable).ToArray<JsonNode?>());
        json["root"] = WriteActivity(bot.Root);
        foreach (var (key, value) in bot.Extensions ?? [])
        {
            if (key != "$schema") json[key] = value?.DeepClone();
        }

        return json;
    }

    private static JsonObject WriteArgument(ArgumentDefinition argument)
    {
        var json = new JsonObject { ["name"] = argument.Name, ["type"] = DataTypes.ToName(argument.Type) };
        if (argument.Description is not null) json["description"] = argument.Description;
        if (argument.Required) json["required"] = true;
        if (argument.Default is not null) json["default"] = argument.Default.DeepClone();
        if (argument.Secret) json["secret"] = true;
        return json;
    }

    private static JsonObject WriteVariable(VariableDefinition variable)
    {
        var json = new JsonObject { ["name"] = variable.Name, ["type"] = DataTypes.ToName(variable.Type) };
        if (variable.Value is not null) json["value"] = variable.Value.DeepClone();
        if (variable.Description is not null) json["description"] = variable.Description;
        return json;
    }

    private static JsonObject WriteActivity(ActivityDefinition activity)
    {
        var json = new JsonObject { ["id"] = activity.Id, ["type"] = activity.Type };
        if (activity.DisplayName is not null) json["displayName"] = activity.DisplayName;
        if (activity.Inputs.Count > 0)
        {
            json["inputs"] = new JsonObject(activity.Inputs.Select(p => KeyValuePair.Create(p.Key, WriteInput(p.Value))));
        }

        if (activity.Outputs.Count > 0)
        {
            json["outputs"] = new JsonObject(activity.Outputs.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));
        }

        foreach (var (name, slot) in activity.Slots)
        {
            json[name] = slot.Kind switch
            {
                SlotKind.Single => WriteActivity(slot.Items[0].Activity),
                SlotKind.List => new JsonArray(slot.Items.Select(i => (JsonNode?)WriteActivity(i.Activity)).ToArray()),
                _ => new JsonObject(slot.Items.Select(i => KeyValuePair.Create(i.Key ?? "", (JsonNode?)WriteActivity(i.Activity)))),
            };
        }

        if (activity.Connections.Count > 0)
        {
            json["connections"] = new JsonArray(activity.Connections
                .Select(c => (JsonNode?)new JsonObject { ["from"] = c.From, ["outcome"] = c.Outcome, ["to"] = c.To })
                .ToArray());
        }

        if (activity.Start is not null) json["start"] = activity.Start;
        if (activity.Designer is not null) json["designer"] = activity.Designer.DeepClone();
        return json;
    }

    private static JsonNode? WriteInput(InputValue value) => value.Language switch
    {
        ExpressionLanguage.JavaScript => new JsonObject { ["js"] = value.Script },
        ExpressionLanguage.Liquid => new JsonObject { ["liquid"] = value.Script },
        _ when value.Literal is JsonObject o && o.Count == 1 && ExpressionKeys.Contains(o.First().Key) => new JsonObject { ["literal"] = o.DeepClone() },
        _ => value.Literal?.DeepClone(),
    };

    private static string TryName(string json)
    {
        try
        {
            return JsonNode.Parse(json, documentOptions: DocumentOptions)?["name"]?.GetValue<string>() ?? "(unnamed)";
        }
        catch (Exception)
        {
            return "(unreadable)";
        }
    }

    /// <summary>The 1-based column of a position the parser gives in UTF-8 bytes: people count characters ("Grüße").</summary>
    private static long Column(string json, long line, long bytePosition)
    {
        var text = json.Split('\n').ElementAtOrDefault((int)line) ?? "";
        var bytes = Encoding.UTF8.GetBytes(text);
        return Encoding.UTF8.GetCharCount(bytes, 0, (int)Math.Min(bytePosition, bytes.Length)) + 1;
    }

    /// <summary>The parser's message without its own position suffixes (zero-based, and already said in line and column).</summary>
    private static string FirstSentence(string message)
    {
        foreach (var suffix in (string[])[" LineNumber:", " Path:"])
        {
            var cut = message.IndexOf(suffix, StringComparison.Ordinal);
            if (cut > 0) message = message[..cut];
        }

        return message;
    }

    private sealed class Reader
    {
        public List<ValidationProblem> Problems { get; } = [];

        public BotDefinition? ReadBot(JsonNode? document)
        {
            if (document is not JsonObject json)
            {
                Problem(null, null, "a bot is a JSON object with name and root");
                return null;
            }

            var extensions = new JsonObject();
            foreach (var (key, value) in json)
            {
                if (ExtensionKeys.Contains(key) || key.StartsWith("x-", StringComparison.Ordinal)) extensions[key] = value?.DeepClone();
                else if (!TopLevelKeys.Contains(key)) Problem(null, key, $"unknown property '{key}' (known: {string.Join(", ", TopLevelKeys.Where(k => k != "$schema"))}; keep your own data under a key starting with 'x-')");
            }

            if (json["format"] is { } format && (format.GetValueKind() != JsonValueKind.Number || format.GetValue<decimal>() != BotDefinition.CurrentFormatVersion))
            {
                Problem(null, "format", $"this runtime reads bot format {BotDefinition.CurrentFormatVersion}, not {format.ToJsonString()}");
            }

            var name = String(json, "name", null, required: true);
            var root = json["root"] is JsonObject rootJson ? ReadActivity(rootJson, "root") : null;
            if (json["root"] is null) Problem(null, "root", "the bot needs a root activity (usually a Flowchart or a Sequence)");
            else if (root is null && json["root"] is not JsonObject) Problem(null, "root", "root must be an activity object");

            var bot = new BotDefinition
            {
                Name = name ?? "",
                Description = String(json, "description", null),
                Version = Integer(json, "version") ?? 1,
                Inputs = Arguments(json, "inputs"),
                Outputs = Arguments(json, "outputs"),
                Variables = Variables(json),
                Root = root ?? new ActivityDefinition("root", "Sequence"),
                Extensions = extensions.Count > 0 ? extensions : null,
            };
            return bot;
        }

        private List<ArgumentDefinition> Arguments(JsonObject json, string section)
        {
            var result = new List<ArgumentDefinition>();
            foreach (var (item, index) in Items(json, section))
            {
                var where = $"{section}[{index}]";
                var name = String(item, "name", null, required: true, owner: where) ?? "";
                var type = Type(item, where);
                Unknown(item, where, ["name", "type", "description", "required", "default", "secret"]);
                result.Add(new ArgumentDefinition(name, type)
                {
                    Description = String(item, "description", null),
                    Required = Bool(item, "required", where),
                    Default = item["default"]?.DeepClone(),
                    Secret = Bool(item, "secret", where),
                });
            }

            return result;
        }

        private List<VariableDefinition> Variables(JsonObject json)
        {
            var result = new List<VariableDefinition>();
            foreach (var (item, index) in Items(json, "variables"))
            {
                var where = $"variables[{index}]";
                var name = String(item, "name", null, required: true, owner: where) ?? "";
                Unknown(item, where, ["name", "type", "value", "description"]);
                result.Add(new VariableDefinition(name, Type(item, where))
                {
                    Value = item["value"]?.DeepClone(),
                    Description = String(item, "description", null),
                });
            }

            return result;
        }

        private IEnumerable<(JsonObject Item, int Index)> Items(JsonObject json, string section)
        {
            var node = json[section];
            if (node is null) yield break;
            if (node is not JsonArray array)
            {
                Problem(null, section, $"{section} must be a list");
                yield break;
            }

            for (var i = 0; i < array.Count; i++)
            {
                if (array[i] is JsonObject o) yield return (o, i);
                else Problem(null, $"{section}[{i}]", "each entry must be an object with name and type");
            }
        }

        private DataType Type(JsonObject item, string where)
        {
            var text = item["type"] is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
            if (text is null)
            {
                Problem(null, where, $"type is required (one of {string.Join(", ", DataTypes.Names)})");
                return DataType.Any;
            }

            if (DataTypes.TryParse(text, out var type)) return type;
            Problem(null, where, $"unknown type '{text}' (one of {string.Join(", ", DataTypes.Names)})");
            return DataType.Any;
        }

        private ActivityDefinition? ReadActivity(JsonObject json, string where)
        {
            var id = json["id"] is JsonValue idValue && idValue.GetValueKind() == JsonValueKind.String ? idValue.GetValue<string>() : null;
            if (id is null) Problem(null, where, "the activity needs an id (a text unique in the bot)");
            var owner = id ?? where;
            var type = String(json, "type", owner, required: true);
            if (id is null || type is null) return null;

            var inputs = new Dictionary<string, InputValue>(StringComparer.Ordinal);
            if (json["inputs"] is JsonObject inputsJson)
            {
                foreach (var (name, value) in inputsJson) inputs[name] = ReadInput(value, id, name);
            }
            else if (json["inputs"] is not null) Problem(id, "inputs", "inputs must be an object of name: value");

            var outputs = new Dictionary<string, string>(StringComparer.Ordinal);
            if (json["outputs"] is JsonObject outputsJson)
            {
                foreach (var (name, value) in outputsJson)
                {
                    if (value is JsonValue v && v.GetValueKind() == JsonValueKind.String) outputs[name] = v.GetValue<string>();
                    else Problem(id, $"output '{name}'", "an output maps to the name of a variable (text)");
                }
            }
            else if (json["outputs"] is not null) Problem(id, "outputs", "outputs must be an object of output: variable");

            var slots = new Dictionary<string, ActivitySlot>(StringComparer.Ordinal);
            foreach (var (key, value) in json)
            {
                if (ActivityKeys.Contains(key)) continue;
                var slot = ReadSlot(value, id, key);
                if (slot is not null) slots[key] = slot;
            }

            return new ActivityDefinition(id, type)
            {
                DisplayName = String(json, "displayName", id),
                Inputs = inputs,
                Outputs = outputs,
                Slots = slots,
                Connections = Connections(json, id),
                Start = String(json, "start", id),
                Designer = json["designer"] is JsonObject designer ? (JsonObject)designer.DeepClone() : null,
            };
        }

        private ActivitySlot? ReadSlot(JsonNode? value, string owner, string key)
        {
            switch (value)
            {
                case JsonObject single when single["type"] is JsonValue || single.ContainsKey("id"):
                    return ReadActivity(single, $"{owner}.{key}") is { } one ? ActivitySlot.Single(one) : null;
                case JsonArray list:
                    var items = new List<SlotItem>();
                    for (var i = 0; i < list.Count; i++)
                    {
                        if (list[i] is JsonObject child && ReadActivity(child, $"{owner}.{key}[{i}]") is { } activity) items.Add(new SlotItem(activity));
                        else if (list[i] is not JsonObject) Problem(owner, $"{key}[{i}]", "each entry must be an activity object");
                    }

                    return new ActivitySlot(SlotKind.List, items);
                case JsonObject map:
                    var named = new List<SlotItem>();
                    foreach (var (name, child) in map)
                    {
                        if (child is JsonObject childJson && ReadActivity(childJson, $"{owner}.{key}.{name}") is { } activity) named.Add(new SlotItem(activity, name));
                        else if (child is not JsonObject) Problem(owner, $"{key}.{name}", "each entry must be an activity object");
                    }

                    return new ActivitySlot(SlotKind.Map, named);
                default:
                    Problem(owner, key, $"unknown property '{key}'; an activity has id, type, displayName, inputs, outputs, designer, its child slots and, for a Flowchart, connections and start");
                    return null;
            }
        }

        private InputValue ReadInput(JsonNode? value, string owner, string name)
        {
            if (value is JsonObject o && o.Count == 1)
            {
                var (key, inner) = o.First();
                if (ExpressionKeys.Contains(key))
                {
                    if (key == "literal") return InputValue.FromLiteral(inner?.DeepClone());
                    if (inner is JsonValue text && text.GetValueKind() == JsonValueKind.String)
                    {
                        var script = text.GetValue<string>();
                        return key == "js" ? InputValue.JavaScript(script) : InputValue.Liquid(script);
                    }

                    Problem(owner, $"input '{name}'", $"a {key} expression must be text");
                }
            }

            return InputValue.FromLiteral(value?.DeepClone());
        }

        private List<Connection> Connections(JsonObject json, string owner)
        {
            var result = new List<Connection>();
            if (json["connections"] is null) return result;
            if (json["connections"] is not JsonArray array)
            {
                Problem(owner, "connections", "connections must be a list of {from, outcome, to}");
                return result;
            }

            for (var i = 0; i < array.Count; i++)
            {
                var where = $"connections[{i}]";
                if (array[i] is not JsonObject c)
                {
                    Problem(owner, where, "a connection is an object {from, outcome, to}");
                    continue;
                }

                Unknown(c, where, ["from", "outcome", "to"], owner);
                var from = String(c, "from", owner, required: true, owner: where);
                var to = String(c, "to", owner, required: true, owner: where);
                var outcome = String(c, "outcome", owner) ?? "Done";
                if (from is not null && to is not null) result.Add(new Connection(from, outcome, to));
            }

            return result;
        }

        private void Unknown(JsonObject json, string where, string[] known, string? activityId = null)
        {
            foreach (var key in json.Select(p => p.Key).Where(k => !known.Contains(k)))
            {
                Problem(activityId, where, $"unknown property '{key}' (known: {string.Join(", ", known)})");
            }
        }

        private string? String(JsonObject json, string key, string? activityId, bool required = false, string? owner = null)
        {
            var node = json[key];
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String) return v.GetValue<string>();
            if (node is not null) Problem(activityId, owner is null ? key : $"{owner}.{key}", $"{key} must be text");
            else if (required) Problem(activityId, owner is null ? key : $"{owner}.{key}", $"{key} is required");
            return null;
        }

        private int? Integer(JsonObject json, string key)
        {
            var node = json[key];
            if (node is null) return null;
            if (node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<int>(out var i)) return i;
            Problem(null, key, $"{key} must be a whole number");
            return null;
        }

        private bool Bool(JsonObject json, string key, string where)
        {
            var node = json[key];
            if (node is null) return false;
            if (node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False) return v.GetValue<bool>();
            Problem(null, $"{where}.{key}", $"{key} must be true or false");
            return false;
        }

        private void Problem(string? activityId, string? property, string message) => Problems.Add(new ValidationProblem(activityId, property, message));
    }
}
