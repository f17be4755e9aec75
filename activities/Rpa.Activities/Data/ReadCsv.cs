using System.Globalization;
using CsvHelper;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

[Activity("Data", "Read CSV", Description = "Reads a CSV file (RFC 4180) into a table. Declared columns are parsed as numbers, dates or bools in the given culture; the others stay text.")]
public sealed class ReadCsv : Activity
{
    [Input(Required = true, Description = "The CSV file; a relative path is relative to the bot's folder.")]
    public Input<string> Path { get; set; } = new();

    [Input(Description = "The character between fields: ',' (the default), ';', '|' or 'tab'.")]
    public Input<string> Delimiter { get; set; } = new(",");

    [Input(Description = "Whether the first line holds the column names. Without a header the columns are Column1, Column2, ...")]
    public Input<bool> HasHeader { get; set; } = new(true);

    [Input(Description = "How numbers and dates are written in the file: 'invariant' (1234.56) or a culture such as 'de-DE' (1.234,56).")]
    public Input<string> Culture { get; set; } = new("invariant");

    [Input(Description = "Column types, such as {\"Date\": \"date\", \"Amount\": \"number\", \"Paid\": \"bool\"}; each must be in the file. Columns not listed stay text; an empty typed value is null.")]
    public Input<Dictionary<string, object?>?> Columns { get; set; } = new();

    [Input(Description = "The file's encoding: utf-8 (the default; a byte order mark is honoured), utf-16, latin1, windows-1252, ...")]
    public Input<string> Encoding { get; set; } = new("utf-8");

    [Output(Description = "The rows, with the columns of the header in file order.")]
    public Output<Table> Table { get; set; } = new();

    public override IEnumerable<string> Validate() => DataSettings.Check(
        () => { if (Delimiter.IsLiteral) DataSettings.ParseDelimiter(Delimiter.LiteralValue); },
        () => { if (Culture.IsLiteral) DataSettings.ParseCulture(Culture.LiteralValue); },
        () => { if (Encoding.IsLiteral) DataSettings.ParseEncoding(Encoding.LiteralValue); },
        () => { if (Columns.IsLiteral) DataSettings.ParseColumnTypes(Columns.LiteralValue); });

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var given = context.Get(Path);
        var settings = new Settings(
            given,
            DataSettings.ParseDelimiter(context.Get(Delimiter)),
            context.Get(HasHeader),
            DataSettings.ParseCulture(context.Get(Culture)),
            DataSettings.ParseColumnTypes(context.Get(Columns)),
            DataSettings.ParseEncoding(context.Get(Encoding)));

        var file = context.ResolvePath(given);
        if (!File.Exists(file))
        {
            var folder = System.IO.Path.GetDirectoryName(file);
            var hint = Directory.Exists(folder) ? "" : $"; the folder {folder} does not exist either";
            throw new ActivityException($"the CSV file {DataSettings.DescribePath(given, file)} does not exist{hint}");
        }

        Table table;
        try
        {
            table = await ReadAsync(file, settings, context.CancellationToken).ConfigureAwait(false);
        }
        catch (CsvFormatException e)
        {
            var line = e.LineNumber > 0 ? $", line {e.LineNumber}" : "";
            throw new ActivityException($"{given}{line}: the file is not valid CSV: {Reason(e)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ActivityException($"cannot read the CSV file {DataSettings.DescribePath(given, file)}: {e.Message}", e);
        }

        context.Set(Table, table);
    }

    private static async Task<Table> ReadAsync(string file, Settings settings, CancellationToken cancellation)
    {
        var options = new CsvReaderOptions
        {
            Separator = settings.Delimiter,
            HasHeader = settings.HasHeader,
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Throw,
            Encoding = settings.Encoding,
            DetectSeparatorHint = false,
        };

        using var reader = CsvReader.FromFile(file, options);
        Table table;
        if (settings.HasHeader)
        {
            await reader.ReadHeaderAsync(cancellation).ConfigureAwait(false);
            table = FromHeader(reader.Headers, settings);
        }
        else
        {
            table = new Table([]);
        }

        var types = table.Columns.Select(c => TypeOf(c, settings)).ToList();
        while (await reader.ReadAsync(cancellation).ConfigureAwait(false))
        {
            var line = reader.LineNumber;
            if (!settings.HasHeader)
            {
                // Without a header the widest row decides the columns; earlier rows get null in the new ones.
                while (table.Columns.Count < reader.FieldCount) types.Add(TypeOf(table.Columns[table.AddColumn($"Column{table.Columns.Count + 1}")], settings));
            }

            var values = new object?[table.Columns.Count];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = i < reader.FieldCount
                    ? Parse(reader.GetString(i), types[i], settings, line, table.Columns[i])
                    : types[i] == ColumnType.Text ? "" : null;
            }

            for (var i = values.Length; i < reader.FieldCount; i++)
            {
                if (reader.GetString(i).Trim().Length > 0)
                {
                    throw new ActivityException($"{settings.Given}, line {line}: the row has {reader.FieldCount} values but the header has {table.Columns.Count} columns ({string.Join(", ", table.Columns)})");
                }
            }

            table.AddRow(values);
        }

        var missing = settings.Types.Keys.Where(c => !table.HasColumn(c)).ToList();
        if (missing.Count > 0)
        {
            var columns = table.Columns.Count == 0 ? "the file is empty" : $"its columns are {string.Join(", ", table.Columns)}";
            throw new ActivityException($"{settings.Given}: the file has no header and {columns}, so {Names(missing)} declared in columns {(missing.Count > 1 ? "are" : "is")} missing");
        }

        return table;
    }

    private static Table FromHeader(IReadOnlyList<string> headers, Settings settings)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headers.Count; i++)
        {
            var name = headers[i].Trim();
            if (name.Length == 0) name = $"Column{i + 1}";
            if (!seen.Add(name)) throw new ActivityException($"{settings.Given}, line 1: the header names the column '{name}' twice");
            names.Add(name);
        }

        var missing = settings.Types.Keys.Where(c => !seen.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            var found = names.Count == 0 ? "the file is empty" : $"the header has {string.Join(", ", names)}";
            throw new ActivityException($"{settings.Given}, line 1: {Names(missing)} declared in columns {(missing.Count > 1 ? "are" : "is")} not in the header ({found})");
        }

        return new Table(names);
    }

    /// <summary>CsvHelper's reason without the record, line and byte offset it repeats ("Malformed CSV in record 3 (line 3): ...").</summary>
    private static string Reason(CsvFormatException e)
    {
        var reason = e.Message;
        var start = reason.IndexOf("): ", StringComparison.Ordinal);
        if (reason.StartsWith("Malformed CSV", StringComparison.Ordinal) && start > 0) reason = reason[(start + 3)..];
        var offset = reason.LastIndexOf(" (byte offset", StringComparison.Ordinal);
        return offset > 0 ? reason[..offset] : reason.TrimEnd('.');
    }

    private static string Names(List<string> columns) =>
        (columns.Count == 1 ? "the column " : "the columns ") + string.Join(", ", columns.Select(c => $"'{c}'"));

    private static ColumnType TypeOf(string column, Settings settings) =>
        settings.Types.TryGetValue(column, out var type) ? type : ColumnType.Text;

    private static object? Parse(string text, ColumnType type, Settings settings, long line, string column)
    {
        if (type == ColumnType.Text) return text;
        if (text.Trim().Length == 0) return null;
        return type switch
        {
            ColumnType.Number when TextValues.TryParseNumber(text, settings.Culture, out var number) => number,
            ColumnType.Date when TextValues.TryParseDate(text, settings.Culture, out var date) => date,
            ColumnType.Bool when TextValues.TryParseBool(text, out var flag) => flag,
            _ => throw new ActivityException($"{settings.Given}, line {line}, column '{column}': '{Shorten(text)}' is not {Describe(type)} (culture {DataSettings.CultureName(settings.Culture)})"),
        };
    }

    private static string Describe(ColumnType type) => type switch
    {
        ColumnType.Number => "a number",
        ColumnType.Date => "a date",
        _ => "a bool (true/false, yes/no, 1/0)",
    };

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private sealed record Settings(string Given, char Delimiter, bool HasHeader, CultureInfo Culture, Dictionary<string, ColumnType> Types, System.Text.Encoding Encoding);
}
