using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

[Activity("Data", "Read Excel", Description = "Reads a sheet of an .xlsx workbook into a table. Number cells are numbers, date cells are dates, empty cells are null; declared columns are converted to text, numbers, dates or bools.")]
public sealed class ReadExcel : Activity
{
    [Input(Required = true, Description = "The .xlsx workbook; a relative path is relative to the bot's folder.")]
    public Input<string> Path { get; set; } = new();

    [Input(Description = "The sheet's name (any case); the first sheet when empty.")]
    public Input<string?> Sheet { get; set; } = new();

    [Input(Description = "Whether the first row (the start cell's row) holds the column names. Without a header the columns are Column1, Column2, ...")]
    public Input<bool> HasHeader { get; set; } = new(true);

    [Input(Description = "The top-left cell of the table, such as A1 (the default) or B3 when the table starts lower or further right.")]
    public Input<string> StartCell { get; set; } = new("A1");

    [Input(Description = "Column types, such as {\"Date\": \"date\", \"Amount\": \"number\", \"Paid\": \"bool\"}; each must be in the sheet. Columns not listed keep the cells' own values (text, number, date, bool).")]
    public Input<Dictionary<string, object?>?> Columns { get; set; } = new();

    [Input(Description = "How numbers and dates typed as text are read in declared columns: 'invariant' (1234.56) or a culture such as 'de-DE' (1.234,56). Number and date cells need no culture.")]
    public Input<string> Culture { get; set; } = new("invariant");

    [Output(Description = "The rows, with the columns of the header in sheet order.")]
    public Output<Table> Table { get; set; } = new();

    public override IEnumerable<string> Validate() => DataSettings.Check(
        () => { if (StartCell.IsLiteral) ExcelCells.ParseCell(StartCell.LiteralValue); },
        () => { if (Culture.IsLiteral) DataSettings.ParseCulture(Culture.LiteralValue); },
        () => { if (Columns.IsLiteral) DataSettings.ParseColumnTypes(Columns.LiteralValue); });

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var given = context.Get(Path);
        var sheet = context.Get(Sheet);
        var hasHeader = context.Get(HasHeader);
        var start = ExcelCells.ParseCell(context.Get(StartCell));
        var types = DataSettings.ParseColumnTypes(context.Get(Columns));
        var culture = DataSettings.ParseCulture(context.Get(Culture));

        var file = context.ResolvePath(given);
        if (!File.Exists(file))
        {
            var folder = System.IO.Path.GetDirectoryName(file);
            var hint = Directory.Exists(folder) ? "" : $"; the folder {folder} does not exist either";
            throw new ActivityException($"the Excel file {DataSettings.DescribePath(given, file)} does not exist{hint}");
        }

        var settings = new Settings(given, file, sheet, hasHeader, start, types, culture);
        var cancellation = context.CancellationToken;
        Table table;
        try
        {
            // MiniExcel reads synchronously; off the run's thread, so Parallel branches keep going.
            table = await Task.Run(() => Read(settings, cancellation), cancellation).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ActivityException($"cannot read the Excel file {DataSettings.DescribePath(given, file)}: {e.Message}", e);
        }
        catch (Exception e) when (e is InvalidDataException or InvalidOperationException or System.Xml.XmlException or NotSupportedException)
        {
            // A file that is not a zip, or a zip without a workbook in it: MiniExcel's reasons are technical, the hint is not.
            throw new ActivityException($"the file {DataSettings.DescribePath(given, file)} is not an .xlsx workbook{FormatHint(file)}: {e.Message.TrimEnd('.')}", e);
        }

        context.Set(Table, table);
    }

    private static string FormatHint(string file) => System.IO.Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".xls" => " (the old .xls format cannot be read; save it as .xlsx in Excel)",
        ".csv" => " (use ReadCsv for CSV files)",
        _ => "",
    };

    private static Table Read(Settings settings, CancellationToken cancellation)
    {
        var sheet = FindSheet(settings);
        var where = $"{settings.Given}, sheet '{sheet}'";
        var options = new OpenXmlConfiguration { FillMergedCells = false, IgnoreEmptyRows = false };

        // Without MiniExcel's header handling, keys are column letters and every row comes back, empty ones included,
        // so the sheet's row number of each row is known.
        var rows = new List<object?[]>();
        var width = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(settings.File, useHeaderRow: false, sheetName: sheet, excelType: ExcelType.XLSX, startCell: ExcelCells.Reference(settings.Start.Column, settings.Start.Row), configuration: options))
        {
            cancellation.ThrowIfCancellationRequested();
            var values = cells.Values.ToArray();
            for (var i = values.Length - 1; i >= width; i--)
            {
                if (!IsBlank(values[i])) width = i + 1;
            }

            rows.Add(values);
        }

        var firstRow = settings.Start.Row;
        var table = settings.HasHeader ? FromHeader(rows.Count > 0 ? rows[0] : [], width, firstRow, where, settings) : NoHeader(width, where, settings);
        var types = table.Columns.Select(c => settings.Types.TryGetValue(c, out var type) ? type : ColumnType.Any).ToArray();
        for (var r = settings.HasHeader ? 1 : 0; r < rows.Count; r++)
        {
            cancellation.ThrowIfCancellationRequested();
            var cells = rows[r];

            // Blank rows (between blocks, or formatted rows below the data) are not rows of the table.
            if (cells.All(IsBlank)) continue;

            var values = new object?[table.Columns.Count];
            for (var c = 0; c < values.Length && c < cells.Length; c++)
            {
                try
                {
                    values[c] = Convert(Native(cells[c]), types[c], settings.Culture);
                }
                catch (ActivityException e)
                {
                    throw new ActivityException($"{new Cell(where, firstRow + r, settings.Start.Column + c, table.Columns[c])}: {e.Message}", e);
                }
            }

            table.AddRow(values);
        }

        return table;
    }

    private static string FindSheet(Settings settings)
    {
        var sheets = MiniExcel.GetSheetNames(settings.File);
        if (sheets.Count == 0) throw new ActivityException($"{settings.Given}: the workbook has no sheets");
        if (string.IsNullOrEmpty(settings.Sheet)) return sheets[0];
        return sheets.FirstOrDefault(s => string.Equals(s, settings.Sheet, StringComparison.Ordinal))
            ?? sheets.FirstOrDefault(s => string.Equals(s, settings.Sheet.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new ActivityException($"{settings.Given}: the workbook has no sheet '{settings.Sheet}' (its sheets are {string.Join(", ", sheets.Select(s => $"'{s}'"))})");
    }

    private static Table FromHeader(object?[] header, int width, int row, string where, Settings settings)
    {
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < width; i++)
        {
            var cell = new Cell(where, row, settings.Start.Column + i, "");
            string name;
            try
            {
                name = i < header.Length ? HeaderText(Native(header[i])) : "";
            }
            catch (ActivityException e)
            {
                throw new ActivityException($"{cell}: {e.Message}", e);
            }

            if (name.Length == 0) name = $"Column{i + 1}";
            if (!seen.Add(name)) throw new ActivityException($"{where}, row {row}: the header names the column '{name}' twice ({ExcelCells.Reference(cell.Column, row)})");
            names.Add(name);
        }

        var missing = settings.Types.Keys.Where(c => !seen.Contains(c)).ToList();
        if (missing.Count > 0)
        {
            var found = names.Count == 0 ? "the sheet is empty" : $"the header has {string.Join(", ", names)}";
            throw new ActivityException($"{where}, row {row}: {Names(missing)} declared in columns {(missing.Count > 1 ? "are" : "is")} not in the header ({found})");
        }

        return new Table(names);
    }

    private static Table NoHeader(int width, string where, Settings settings)
    {
        var table = new Table(Enumerable.Range(1, width).Select(i => $"Column{i}"));
        var missing = settings.Types.Keys.Where(c => !table.HasColumn(c)).ToList();
        if (missing.Count > 0)
        {
            var columns = width == 0 ? "the sheet is empty" : $"its columns are {string.Join(", ", table.Columns)}";
            throw new ActivityException($"{where}: the sheet has no header and {columns}, so {Names(missing)} declared in columns {(missing.Count > 1 ? "are" : "is")} missing");
        }

        return table;
    }

    private static bool IsBlank(object? value) => value is null || (value is string s && string.IsNullOrWhiteSpace(s));

    private static string HeaderText(object? value) => value switch
    {
        null => "",
        string s => s.Trim(),
        var other => TextValues.Format(other, null, CultureInfo.InvariantCulture),
    };

    /// <summary>A cell as MiniExcel gives it (double, DateTime, bool, string) as a bot value (decimal, DateTimeOffset, bool, text).</summary>
    /// <exception cref="ActivityException">The value does not fit; the caller adds where the cell is.</exception>
    private static object? Native(object? value)
    {
        switch (value)
        {
            case null or "":
                return null;
            case double d:
                try
                {
                    return ExcelCells.ToDecimal(d);
                }
                catch (OverflowException e)
                {
                    throw new ActivityException($"the number {d.ToString("R", CultureInfo.InvariantCulture)} is too large for a number a bot can use", e);
                }

            case DateTime d:
                return new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Unspecified), TimeSpan.Zero);
            default:
                return ValueConverter.Normalize(value);
        }
    }

    /// <summary>A cell's value as its declared column type.</summary>
    /// <exception cref="ActivityException">The value does not convert; the caller adds where the cell is.</exception>
    private static object? Convert(object? value, ColumnType type, CultureInfo culture)
    {
        if (value is null || type == ColumnType.Any) return value;
        if (value is string s && type != ColumnType.Text && s.Trim().Length == 0) return null;
        return (type, value) switch
        {
            (ColumnType.Text, string text) => text,
            (ColumnType.Text, _) => TextValues.Format(value, null, CultureInfo.InvariantCulture),
            (ColumnType.Number, decimal number) => number,
            (ColumnType.Number, string text) when TextValues.TryParseNumber(text, culture, out var number) => number,
            (ColumnType.Date, DateTimeOffset date) => date,
            (ColumnType.Date, decimal serial) when ExcelCells.TryFromSerial(serial, out var date) => date,
            (ColumnType.Date, string text) when TextValues.TryParseDate(text, culture, out var date) => date,
            (ColumnType.Bool, bool flag) => flag,
            (ColumnType.Bool, decimal number) when number is 0 or 1 => number == 1,
            (ColumnType.Bool, string text) when TextValues.TryParseBool(text, out var flag) => flag,
            _ => throw Mismatch(value, type, culture),
        };
    }

    private static ActivityException Mismatch(object value, ColumnType type, CultureInfo culture)
    {
        var expected = type switch
        {
            ColumnType.Number => "a number",
            ColumnType.Date => "a date",
            _ => "a bool (true/false, yes/no, 1/0)",
        };
        var shown = value is string text
            ? $"'{Shorten(text)}' is not {expected} (culture {DataSettings.CultureName(culture)})"
            : $"the {DataTypes.Describe(value)} {TextValues.Format(value, null, CultureInfo.InvariantCulture)} is not {expected}";
        return new ActivityException(shown);
    }

    private static string Names(List<string> columns) =>
        (columns.Count == 1 ? "the column " : "the columns ") + string.Join(", ", columns.Select(c => $"'{c}'"));

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";

    private sealed record Settings(
        string Given, string File, string? Sheet, bool HasHeader, (int Column, int Row) Start, Dictionary<string, ColumnType> Types, CultureInfo Culture);

    /// <summary>Where a value is, for error messages: "sales.xlsx, sheet 'Q1', row 5, column 'Amount' (C5)".</summary>
    private sealed record Cell(string Where, int Row, int Column, string Name)
    {
        public override string ToString() =>
            Name.Length == 0
                ? $"{Where}, row {Row} ({ExcelCells.Reference(Column, Row)})"
                : $"{Where}, row {Row}, column '{Name}' ({ExcelCells.Reference(Column, Row)})";
    }
}
