using System.Collections.Concurrent;
using System.Globalization;
using Fluid;
using Rpa.Engine.Activities;
using Rpa.Engine.Expressions;
using Rpa.Engine.Values;

namespace Rpa.Activities.Documents;

/// <summary>
/// A parsed Liquid (Fluid) template for documents. Undefined variables are errors, not empty text, and output is
/// HTML-encoded unless piped through <c>raw</c>. Parsed templates are cached by their text; rendering is thread-safe.
/// </summary>
public sealed class DocumentTemplate
{
    private static readonly FluidParser Parser = new(new FluidParserOptions { AllowFunctions = false });
    private static readonly ConcurrentDictionary<string, DocumentTemplate> Cache = new(StringComparer.Ordinal);

    private static readonly TemplateOptions Options = CreateOptions();

    private readonly IFluidTemplate _template;
    private readonly string _text;

    private DocumentTemplate(IFluidTemplate template, string text)
    {
        _template = template;
        _text = text;
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="name"/> (a file name, an input) goes into the error.</summary>
    public static DocumentTemplate Parse(string text, string name)
    {
        if (Cache.TryGetValue(text, out var cached)) return cached;
        if (!Parser.TryParse(text, out var template, out var error))
        {
            throw new ActivityException($"the template {name} is not valid Liquid: {error}");
        }

        var parsed = new DocumentTemplate(template, text);
        if (Cache.Count < 256) Cache.TryAdd(text, parsed);
        return parsed;
    }

    /// <summary>Reads and parses a template file.</summary>
    public static DocumentTemplate Load(string given, string path)
    {
        if (!File.Exists(path)) throw new ActivityException($"the template file '{given}' ({path}) does not exist");
        return Parse(File.ReadAllText(path), $"'{given}'");
    }

    /// <summary>Renders with the given top-level variables (dictionaries, lists, tables, numbers, text, dates).</summary>
    public string Render(IReadOnlyDictionary<string, object?> variables, bool encodeHtml = true)
    {
        var context = new TemplateContext(Options);
        foreach (var (name, value) in variables) context.SetValue(name, ValueConverter.Normalize(value));
        try
        {
            return encodeHtml ? _template.Render(context, System.Text.Encodings.Web.HtmlEncoder.Default) : _template.Render(context);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Fluid 2.41 names an undefined field (data.nmae) by its syntax node's type, not by its name.
            var reason = e.Message.Contains("Fluid.Ast.", StringComparison.Ordinal)
                ? LiquidFieldCheck.Explain(_text, variables.ToDictionary(v => v.Key, v => ValueConverter.Normalize(v.Value), StringComparer.Ordinal)) ?? "a field the template reads (such as data.name) is not in the data; check its spelling"
                : e.Message;
            throw new ActivityException($"the template failed: {reason}", e);
        }
    }

    private static TemplateOptions CreateOptions()
    {
        var options = new TemplateOptions
        {
            StrictVariables = true,
            CultureInfo = CultureInfo.InvariantCulture,
            TimeZone = TimeZoneInfo.Utc,
            MaxSteps = 1_000_000,
        };
        options.ValueConverters.Add(value => value switch
        {
            TableRow row => row.ToDictionary(),
            Table table => table.Rows.Select(r => r.ToDictionary()).ToList(),
            _ => null,
        });
        return options;
    }
}
