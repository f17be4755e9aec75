using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Engine.Descriptors;

/// <summary>The activity descriptors as JSON (for the designer's palette) and Markdown (for docs/activities.md).</summary>
public static class DescriptorDocuments
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static IEnumerable<ActivityDescriptor> Ordered(ActivityRegistry registry) =>
        registry.Descriptors.OrderBy(d => d.Category, StringComparer.Ordinal).ThenBy(d => d.Type, StringComparer.Ordinal);

    public static JsonArray ToJson(ActivityRegistry registry) =>
        JsonSerializer.SerializeToNode(Ordered(registry).ToList(), JsonOptions)!.AsArray();

    public static string ToJsonText(ActivityRegistry registry) => ToJson(registry).ToJsonString(JsonOptions);

    public static string ToMarkdown(ActivityRegistry registry)
    {
        var text = new StringBuilder();
        text.AppendLine("# Activities reference");
        text.AppendLine();
        text.AppendLine("Generated from the activity classes by `rpa activities --markdown`; do not edit by hand.");
        text.AppendLine("A test fails when this file and the classes disagree.");
        foreach (var category in Ordered(registry).GroupBy(d => d.Category))
        {
            text.AppendLine();
            text.AppendLine($"## {category.Key}");
            foreach (var d in category)
            {
                text.AppendLine();
                text.AppendLine($"### {d.DisplayName} (`{d.Type}`)");
                text.AppendLine();
                text.AppendLine(d.Description);
                if (d.Needs.Count > 0)
                {
                    text.AppendLine();
                    text.AppendLine($"Needs: {string.Join(", ", d.Needs.Select(n => $"{ActivityNeeds.All[n]} (`{n}`)"))}.");
                }
                if (d.Inputs.Count > 0)
                {
                    text.AppendLine();
                    text.AppendLine("| input | type | default | description |");
                    text.AppendLine("|---|---|---|---|");
                    foreach (var i in d.Inputs)
                    {
                        var type = DataTypes.ToName(i.Type) + (i.Options is { } o ? $" ({string.Join(" / ", o)})" : "");
                        var flags = (i.Required ? " **required**" : "") + (i.Secret ? " secret" : "") + (i.LiteralOnly ? " literal only" : "");
                        var def = i.Default is null ? "" : $"`{i.Default.ToJsonString()}`";
                        text.AppendLine($"| `{i.Name}`{flags} | {type} | {def} | {Cell(i.Description)} |");
                    }
                }

                if (d.Outputs.Count > 0)
                {
                    text.AppendLine();
                    text.AppendLine("| output | type | description |");
                    text.AppendLine("|---|---|---|");
                    foreach (var o in d.Outputs) text.AppendLine($"| `{o.Name}` | {DataTypes.ToName(o.Type)} | {Cell(o.Description)} |");
                }

                if (d.Slots.Count > 0)
                {
                    text.AppendLine();
                    text.AppendLine("| child slot | holds | description |");
                    text.AppendLine("|---|---|---|");
                    foreach (var s in d.Slots) text.AppendLine($"| `{s.Name}` | {s.Kind.ToString().ToLowerInvariant()} | {Cell(s.Description)} |");
                }

                text.AppendLine();
                text.AppendLine($"Outcomes: {string.Join(", ", d.Outcomes)}{(d.DynamicOutcomes ? ", plus one per case" : "")}.");
            }
        }

        return text.ToString();
    }

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);
}
