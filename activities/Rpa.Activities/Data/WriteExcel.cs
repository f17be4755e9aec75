using System.Data;
using System.Globalization;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

[Activity("Data", "Write Excel", Description = "Writes a table (or a list of objects) to a sheet of a new .xlsx workbook: numbers, dates and bools as Excel values, text as text. The file is replaced in one step, so a failure never leaves a half-written file.")]
public sealed class WriteExcel : Activity
{
    [Input(Required = true, Description = "The .xlsx workbook to create or replace (with just this sheet); a relative path is relative to the bot's folder. Missing folders are created.")]
    public Input<string> Path { get; set; } = new();

    [Input(Required = true, Description = "The rows: a table, or a list of objects such as [{\"Region\": \"North\", \"Revenue\": 12.5}].")]
    public Input<Table> Data { get; set; } = new();

    [Input(Description = "The sheet's name: 1 to 31 characters, none of : \\ / ? * [ ].")]
    public Input<string> Sheet { get; set; } = new("Sheet1");

    [Input(Description = "The columns to write, in order, such as [\"Region\", \"Revenue\"]; all of the table's columns when empty. With no rows, these still make the header.")]
    public Input<List<string>?> Columns { get; set; } = new();

    [Output(Description = "The number of rows written, not counting the header.")]
    public Output<int> RowsWritten { get; set; } = new();

    public override IEnumerable<string> Validate() => DataSettings.Check(
        () => { if (Path.IsLiteral && !string.IsNullOrEmpty(Path.LiteralValue)) ExcelCells.CheckWorkbookExtension(Path.LiteralValue); },
        () => { if (Sheet.IsLiteral) ExcelCells.CheckSheetName(Sheet.LiteralValue); });

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var given = context.Get(Path);
        ExcelCells.CheckWorkbookExtension(given);
        var table = context.Get(Data) ?? throw new ActivityException("data is empty (null); give a table or a list of objects");
        var sheet = ExcelCells.CheckSheetName(context.Get(Sheet));
        var columns = DataSettings.SelectColumns(table, context.Get(Columns));
        var twice = columns.GroupBy(c => c.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw new ActivityException($"columns: the column '{twice.Key}' is listed twice");

        // Every value is checked before the file is touched: a value Excel cannot hold fails the run with nothing written.
        var cells = Cells(table, columns);
        var file = context.ResolvePath(given);
        await AtomicFile.WriteAsync(file, $"the Excel file {DataSettings.DescribePath(given, file)}", temp => WriteAsync(temp, cells, sheet, DateFormats(cells), context.CancellationToken)).ConfigureAwait(false);

        context.Set(RowsWritten, table.Count);
    }

    private static DataTable Cells(Table table, List<(string Name, int Index)> columns)
    {
        var cells = new DataTable { Locale = CultureInfo.InvariantCulture };
        foreach (var (name, _) in columns)
        {
            cells.Columns.Add(name, typeof(object));
        }

        for (var row = 0; row < table.Count; row++)
        {
            var values = new object[columns.Count];
            for (var i = 0; i < columns.Count; i++)
            {
                try
                {
                    values[i] = ExcelCells.Cell(table[row][columns[i].Index]);
                }
                catch (ActivityException e)
                {
                    throw new ActivityException($"row {row + 1}, column '{columns[i].Name}': {e.Message}", e);
                }
            }

            cells.Rows.Add(values);
        }

        return cells;
    }

    /// <summary>Columns that hold only dates show them as dates, with the time when any of them has one.</summary>
    private static DynamicExcelColumn[] DateFormats(DataTable cells)
    {
        var formats = new List<DynamicExcelColumn>();
        foreach (DataColumn column in cells.Columns)
        {
            var values = cells.Rows.Cast<DataRow>().Select(r => r[column]).Where(v => v is not DBNull).ToList();
            if (values.Count == 0 || !values.All(v => v is DateTime)) continue;
            var withTime = values.Any(v => ((DateTime)v).TimeOfDay != TimeSpan.Zero);
            formats.Add(new DynamicExcelColumn(column.ColumnName) { Format = withTime ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd" });
        }

        return [.. formats];
    }

    private static async Task WriteAsync(string temp, DataTable cells, string sheet, DynamicExcelColumn[] formats, CancellationToken cancellation)
    {
        var options = new OpenXmlConfiguration
        {
            // Numbers are written in the invariant culture, as Excel stores them; another culture would write them as text.
            Culture = CultureInfo.InvariantCulture,
            DynamicColumns = formats,
        };

        // MiniExcel 1.46's SaveAsAsync puts the sheet's <drawing> element inside <sheetData>, which Excel reports as
        // damaged content; the synchronous SaveAs writes it in its place. So: SaveAs, off the run's thread.
        await Task.Run(
            () =>
            {
                using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None);
                using var reader = cells.CreateDataReader();
                MiniExcel.SaveAs(stream, reader, printHeader: true, sheetName: sheet, excelType: ExcelType.XLSX, configuration: options);
                cancellation.ThrowIfCancellationRequested();
                stream.Flush(flushToDisk: true);
            },
            cancellation).ConfigureAwait(false);
    }
}
