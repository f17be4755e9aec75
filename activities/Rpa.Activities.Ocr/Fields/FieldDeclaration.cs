using System.Text.RegularExpressions;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Ocr.Fields;

/// <summary>
/// One field a bot wants: { "anchor": "Invoice No" | ["Invoice No", "Invoice #"], "pattern": "invoiceNumber",
/// "regex": "...", "direction": "right" | "below" | "any" } or just a pattern name ("iban").
/// </summary>
internal sealed record FieldDeclaration(string Name, IReadOnlyList<string> Anchors, FieldPattern Pattern, Regex? Regex, FieldDirection Direction)
{
    private static readonly string[] Keys = ["anchor", "pattern", "regex", "direction"];

    public static List<FieldDeclaration> ParseAll(Dictionary<string, object?>? fields)
    {
        if (fields is null || fields.Count == 0) throw new ActivityException("fields is empty; declare at least one, e.g. {\"total\": {\"anchor\": \"Total\", \"pattern\": \"amount\"}}");
        return fields.Select(f => Parse(f.Key, f.Value)).ToList();
    }

    public static FieldDeclaration Parse(string name, object? value)
    {
        if (value is string shorthand) return new FieldDeclaration(name, [], ParsePattern(name, shorthand), null, FieldDirection.Any);
        if (value is not IDictionary<string, object?> declaration)
        {
            throw new ActivityException($"fields.{name}: expected an object such as {{\"anchor\": \"Total\", \"pattern\": \"amount\"}} or a pattern name, not {DataTypes.Describe(value)}");
        }

        foreach (var key in declaration.Keys)
        {
            if (!Keys.Contains(key, StringComparer.OrdinalIgnoreCase)) throw new ActivityException($"fields.{name}: unknown key '{key}' (known: {string.Join(", ", Keys)})");
        }

        var anchors = Get(declaration, "anchor") switch
        {
            null => [],
            string one => [one],
            IEnumerable<object?> many => many.Select(ValueConverter.ToText).Where(a => a.Trim().Length > 0).ToList(),
            var other => throw new ActivityException($"fields.{name}.anchor: expected text or a list of texts, not {DataTypes.Describe(other)}"),
        };

        Regex? regex = null;
        if (Get(declaration, "regex") is { } pattern)
        {
            try
            {
                regex = new Regex(ValueConverter.ToText(pattern), RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException e)
            {
                throw new ActivityException($"fields.{name}.regex: not a valid regular expression: {e.Message}", e);
            }
        }

        var patternName = Get(declaration, "pattern") is { } p ? ValueConverter.ToText(p) : regex is null ? "text" : "regex";
        var kind = ParsePattern(name, patternName);
        if (kind == FieldPattern.Regex && regex is null) throw new ActivityException($"fields.{name}: pattern 'regex' needs a \"regex\" key");
        if (regex is not null && kind != FieldPattern.Regex) throw new ActivityException($"fields.{name}: give either pattern '{patternName}' or a regex, not both");

        var direction = FieldDirection.Any;
        if (Get(declaration, "direction") is { } d && !Enum.TryParse(ValueConverter.ToText(d), true, out direction))
        {
            throw new ActivityException($"fields.{name}.direction: '{ValueConverter.ToText(d)}' is not right, below or any");
        }

        return new FieldDeclaration(name, anchors, kind, regex, direction);
    }

    private static object? Get(IDictionary<string, object?> declaration, string key) =>
        declaration.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static FieldPattern ParsePattern(string name, string pattern) =>
        Enum.TryParse<FieldPattern>(pattern.Trim(), true, out var kind) && Enum.IsDefined(kind) && !int.TryParse(pattern, out _)
            ? kind
            : throw new ActivityException($"fields.{name}.pattern: '{pattern}' is not a pattern; use text, date, amount, number, invoiceNumber, iban, currency, email or regex");
}
