using System.Globalization;
using System.Text;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

/// <summary>Parses the settings the data activities share (paths, delimiter, culture, encoding, column types) into clear errors.</summary>
internal static class DataSettings
{
    private static readonly Lazy<bool> CodePages = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return true;
    });

    /// <summary>The path as the bot gave it, with the full path when they differ: for error messages.</summary>
    public static string DescribePath(string given, string resolved) =>
        string.Equals(given, resolved, StringComparison.Ordinal) ? $"'{given}'" : $"'{given}' ({resolved})";

    public static char ParseDelimiter(string? text)
    {
        var value = text switch
        {
            null or "" => ",",
            "tab" or "\\t" => "\t",
            _ => text,
        };
        if (value.Length != 1 || value[0] > 127 || value[0] is '"' or '\r' or '\n')
        {
            throw new ActivityException($"the delimiter must be one ASCII character such as ',', ';', '|' or a tab, not '{text}'");
        }

        return value[0];
    }

    public static CultureInfo ParseCulture(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Equals("invariant", StringComparison.OrdinalIgnoreCase)) return CultureInfo.InvariantCulture;
        try
        {
            return CultureInfo.GetCultureInfo(name.Trim(), predefinedOnly: true);
        }
        catch (CultureNotFoundException)
        {
            throw new ActivityException($"the culture '{name}' is not known; use 'invariant' or a name such as 'en-US' or 'de-DE'");
        }
    }

    public static string CultureName(CultureInfo culture) => culture.Name.Length == 0 ? "invariant" : culture.Name;

    /// <summary>The encoding named <paramref name="name"/>: utf-8 (no byte order mark when writing), utf-8-bom, utf-16, latin1, windows-1252 and the other code pages.</summary>
    public static Encoding ParseEncoding(string? name)
    {
        var key = string.IsNullOrWhiteSpace(name) ? "utf-8" : name.Trim().ToLowerInvariant();
        switch (key)
        {
            case "utf-8" or "utf8":
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            case "utf-8-bom" or "utf8-bom" or "utf-8 bom":
                return new UTF8Encoding(encoderShouldEmitUTF8Identifier: true);
        }

        _ = CodePages.Value;
        try
        {
            return Encoding.GetEncoding(key);
        }
        catch (ArgumentException)
        {
            throw new ActivityException($"the encoding '{name}' is not known; use utf-8, utf-8-bom, utf-16, latin1 or a code page such as windows-1252");
        }
    }

    /// <summary>Reads the Columns input of ReadCsv and ReadExcel: column name → "text", "number", "date" or "bool".</summary>
    public static Dictionary<string, ColumnType> ParseColumnTypes(IReadOnlyDictionary<string, object?>? columns)
    {
        var result = new Dictionary<string, ColumnType>(StringComparer.OrdinalIgnoreCase);
        foreach (var (column, type) in columns ?? new Dictionary<string, object?>())
        {
            if (string.IsNullOrWhiteSpace(column)) throw new ActivityException("columns: a column name cannot be empty");
            result[column.Trim()] = ParseColumnType(column, type);
        }

        return result;
    }

    private static ColumnType ParseColumnType(string column, object? type) => (type as string)?.Trim().ToLowerInvariant() switch
    {
        "text" or "string" => ColumnType.Text,
        "number" or "decimal" => ColumnType.Number,
        "date" or "datetime" => ColumnType.Date,
        "bool" or "boolean" => ColumnType.Bool,
        _ => throw new ActivityException($"columns: the column '{column}' has the type '{type}'; use text, number, date or bool"),
    };

    /// <summary>The Columns input of the writers: the listed columns in order (index -1 for a listed column of an empty list), or all.</summary>
    public static List<(string Name, int Index)> SelectColumns(Table table, List<string>? wanted)
    {
        if (wanted is null || wanted.Count == 0) return table.Columns.Select((c, i) => (c, i)).ToList();
        var result = new List<(string, int)>();
        foreach (var name in wanted)
        {
            if (!table.HasColumn(name) && table.Count == 0)
            {
                // An empty list has no columns to check against; the header is still written.
                result.Add((name, -1));
                continue;
            }

            if (!table.HasColumn(name))
            {
                var available = table.Columns.Count == 0 ? "the data has no columns" : $"the data has {string.Join(", ", table.Columns)}";
                throw new ActivityException($"columns: the column '{name}' is not in the data ({available})");
            }

            result.Add((name, table.ColumnIndex(name)));
        }

        return result;
    }

    /// <summary>The errors a literal setting would give at run time, so the bot is rejected before it runs.</summary>
    public static IEnumerable<string> Check(params Action[] checks)
    {
        foreach (var check in checks)
        {
            string? problem = null;
            try
            {
                check();
            }
            catch (ActivityException e)
            {
                problem = e.Message;
            }

            if (problem is not null) yield return problem;
        }
    }
}
