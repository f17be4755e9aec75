using System.Globalization;
using CsvHelper;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

[Activity("Data", "Write CSV", Description = "Writes a table (or a list of objects) to a CSV file (RFC 4180). The file is replaced in one step, so a failure never leaves a half-written file.")]
public sealed class WriteCsv : Activity
{
    [Input(Required = true, Description = "The CSV file to create or replace; a relative path is relative to the bot's folder. Missing folders are created.")]
    public Input<string> Path { get; set; } = new();

    [Input(Required = true, Description = "The rows: a table, or a list of objects such as [{\"Region\": \"North\", \"Revenue\": 12.5}].")]
    public Input<Table> Data { get; set; } = new();

    [Input(Description = "The character between fields: ',' (the default), ';', '|' or 'tab'.")]
    public Input<string> Delimiter { get; set; } = new(",");

    [Input(Description = "How numbers and dates are written: 'invariant' (1234.56, the default) or a culture such as 'de-DE' (1234,56). Dates without a format are ISO 8601.")]
    public Input<string> Culture { get; set; } = new("invariant");

    [Input(Description = "The columns to write, in order, such as [\"Region\", \"Revenue\"]; all of the table's columns when empty. With no rows, these still make the header.")]
    public Input<List<string>?> Columns { get; set; } = new();

    [Input(Description = ".NET format strings by column for numbers and dates, such as {\"Revenue\": \"0.00\", \"Date\": \"dd.MM.yyyy\"}.")]
    public Input<Dictionary<string, object?>?> Formats { get; set; } = new();

    [Input(Description = "Whether the first line holds the column names.")]
    public Input<bool> HasHeader { get; set; } = new(true);

    [Input(Description = "The file's encoding: utf-8 (the default, no byte order mark), utf-8-bom (for Excel), utf-16, latin1, windows-1252, ...")]
    public Input<string> Encoding { get; set; } = new("utf-8");

    [Output(Description = "The number of rows written, not counting the header.")]
    public Output<int> RowsWritten { get; set; } = new();

    public override IEnumerable<string> Validate() => DataSettings.Check(
        () => { if (Delimiter.IsLiteral) DataSettings.ParseDelimiter(Delimiter.LiteralValue); },
        () => { if (Culture.IsLiteral) DataSettings.ParseCulture(Culture.LiteralValue); },
        () => { if (Encoding.IsLiteral) DataSettings.ParseEncoding(Encoding.LiteralValue); });

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var given = context.Get(Path);
        var table = context.Get(Data) ?? throw new ActivityException("data is empty (null); give a table or a list of objects");
        var delimiter = DataSettings.ParseDelimiter(context.Get(Delimiter));
        var culture = DataSettings.ParseCulture(context.Get(Culture));
        var encoding = DataSettings.ParseEncoding(context.Get(Encoding));
        var hasHeader = context.Get(HasHeader);
        var columns = DataSettings.SelectColumns(table, context.Get(Columns));
        var formatsByColumn = context.Get(Formats);
        foreach (var name in formatsByColumn?.Keys ?? Enumerable.Empty<string>())
        {
            if (!columns.Any(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new ActivityException($"formats: the column '{name}' is not written (columns: {string.Join(", ", columns.Select(c => c.Name))})");
            }
        }

        var formats = columns.Select(c => Format(formatsByColumn, c)).ToArray();

        var file = context.ResolvePath(given);
        await AtomicFile.WriteAsync(file, $"the CSV file {DataSettings.DescribePath(given, file)}", temp => WriteAsync(temp, table, columns, formats, hasHeader, delimiter, culture, encoding, context.CancellationToken)).ConfigureAwait(false);

        context.Set(RowsWritten, table.Count);
    }

    private static string? Format(Dictionary<string, object?>? formats, (string Name, int Index) column)
    {
        if (formats is null) return null;
        foreach (var (name, format) in formats)
        {
            if (string.Equals(name, column.Name, StringComparison.OrdinalIgnoreCase)) return format is null ? null : ValueConverter.ToText(format);
        }

        return null;
    }

    private static async Task WriteAsync(
        string temp, Table table, List<(string Name, int Index)> columns, string?[] formats, bool hasHeader,
        char delimiter, CultureInfo culture, System.Text.Encoding encoding, CancellationToken cancellation)
    {
        var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 4096, FileOptions.Asynchronous);
        await using (stream.ConfigureAwait(false))
        {
            var text = new StreamWriter(stream, encoding, leaveOpen: true);
            await using (text.ConfigureAwait(false))
            {
                var options = new CsvWriterOptions { Separator = delimiter, FormatProvider = culture };
                var writer = CsvWriter.Create(text, options, leaveOpen: true);
                await using (writer.ConfigureAwait(false))
                {
                    if (columns.Count > 0)
                    {
                        if (hasHeader) writer.WriteHeader(columns.Select(c => c.Name).ToArray());
                        for (var row = 0; row < table.Count; row++)
                        {
                            cancellation.ThrowIfCancellationRequested();
                            for (var i = 0; i < columns.Count; i++)
                            {
                                writer.WriteField(FormatCell(table[row][columns[i].Index], formats[i], culture, row, columns[i].Name));
                            }

                            await writer.EndRecordAsync(cancellation).ConfigureAwait(false);
                        }
                    }

                    await writer.FlushAsync(cancellation).ConfigureAwait(false);
                }

                await text.FlushAsync(cancellation).ConfigureAwait(false);
            }

            stream.Flush(flushToDisk: true);
        }
    }

    private static string FormatCell(object? value, string? format, CultureInfo culture, int row, string column)
    {
        try
        {
            return TextValues.Format(value, format, culture);
        }
        catch (FormatException e)
        {
            throw new ActivityException($"row {row + 1}, column '{column}': cannot write {DataTypes.Describe(value)} '{ValueConverter.ToText(value)}' with the format '{format}': {e.Message}", e);
        }
    }
}
