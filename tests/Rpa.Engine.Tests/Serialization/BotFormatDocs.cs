using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Rpa.Engine.Tests.Serialization;

/// <summary>
/// The repository files the bot format tests check: docs/bot.schema.json, docs/bot-format.md with its examples,
/// and the sample bots under bots/.
/// </summary>
internal static partial class BotFormatDocs
{
    /// <summary>How bot.json is parsed (BotJson reads comments and trailing commas too).</summary>
    public static readonly JsonDocumentOptions JsonOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    // Built once per test run: building registers the schema's $id in the registry it is given.
    private static readonly Lazy<JsonSchema> LazySchema = new(() =>
        JsonSchema.FromText(File.ReadAllText(SchemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static readonly Lazy<IReadOnlyList<DocExample>> LazyExamples = new(() => ReadExamples(File.ReadAllText(FormatDocPath)));

    public static string RepositoryRoot => LazyRoot.Value;

    public static string SchemaPath => Path.Combine(RepositoryRoot, "docs", "bot.schema.json");

    public static string FormatDocPath => Path.Combine(RepositoryRoot, "docs", "bot-format.md");

    public static JsonSchema Schema => LazySchema.Value;

    /// <summary>The complete bots in docs/bot-format.md: each ```json block right after a <c>&lt;!-- bot-example: name --&gt;</c> line.</summary>
    public static IReadOnlyList<DocExample> Examples => LazyExamples.Value;

    public static DocExample Example(string name) =>
        Examples.SingleOrDefault(e => e.Name == name) ?? throw new InvalidOperationException($"docs/bot-format.md has no example '{name}'.");

    /// <summary>Every bots/*/bot.json of the repository (none is fine).</summary>
    public static IReadOnlyList<string> RepositoryBots()
    {
        var bots = Path.Combine(RepositoryRoot, "bots");
        if (!Directory.Exists(bots)) return [];
        return Directory.GetDirectories(bots)
            .Select(folder => Path.Combine(folder, "bot.json"))
            .Where(File.Exists)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The schema's complaints about <paramref name="json"/>, as "location: message" lines; empty when it fits.</summary>
    public static IReadOnlyList<string> SchemaErrors(string json)
    {
        using var document = JsonDocument.Parse(json, JsonOptions);
        var results = Schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (results.IsValid) return [];

        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : ["(the schema rejects the document without details)"];
    }

    private static void Collect(EvaluationResults results, List<string> errors)
    {
        if (results.Errors is { } messages)
        {
            errors.AddRange(messages.Select(m => $"{results.InstanceLocation} ({results.EvaluationPath}): {m.Value}"));
        }

        foreach (var detail in results.Details ?? [])
        {
            Collect(detail, errors);
        }
    }

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Rpa.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException($"No Rpa.sln above {AppContext.BaseDirectory}.");
    }

    internal static IReadOnlyList<DocExample> ReadExamples(string markdown)
    {
        markdown = markdown.ReplaceLineEndings("\n");
        var examples = ExamplePattern().Matches(markdown)
            .Select(m => new DocExample(
                m.Groups["name"].Value,
                m.Groups["json"].Value + "\n",
                m.Groups["outputs"].Success ? m.Groups["outputs"].Value.Trim() : null))
            .ToList();
        var markers = MarkerPattern().Count(markdown);
        if (markers != examples.Count)
        {
            throw new InvalidOperationException($"docs/bot-format.md has {markers} bot-example markers but {examples.Count} of them are followed by a ```json block.");
        }

        return examples;
    }

    [GeneratedRegex(@"<!--\s*bot-example:\s*(?<name>[A-Za-z0-9_.-]+)(?:\s+outputs:\s*(?<outputs>.*?))?\s*-->\n```json\n(?<json>.*?)\n```", RegexOptions.Singleline)]
    private static partial Regex ExamplePattern();

    [GeneratedRegex(@"<!--\s*bot-example:")]
    private static partial Regex MarkerPattern();
}

/// <summary>One complete bot in the docs: its name, its JSON (as written, with a final newline) and, if given, the outputs its run returns.</summary>
internal sealed record DocExample(string Name, string Json, string? Outputs)
{
    public override string ToString() => Name;
}
