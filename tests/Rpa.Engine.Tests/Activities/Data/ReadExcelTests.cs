using MiniExcelLibs;
using Rpa.Activities.Data;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Data;

public sealed class ReadExcelTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ActivityBuilder<ReadExcel> Read(string path, object? columns = null)
    {
        var read = Bot.Activity<ReadExcel>("read").Set(x => x.Path, path).Output(x => x.Table, "table");
        return columns is null ? read : read.SetLiteral(x => x.Columns, columns);
    }

    private async Task<Table> ReadTableAsync(ActivityBuilder<ReadExcel> read)
    {
        var result = await DataBot.RunAsync(_folder.Path, read, ("table", DataType.Table));
        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        return (Table)result.Outputs["table"]!;
    }

    private async Task<RunResult> FailAsync(ActivityBuilder<ReadExcel> read)
    {
        var result = await DataBot.RunAsync(_folder.Path, read, ("table", DataType.Table));
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("read");
        return result;
    }

    /// <summary>A workbook with one sheet per entry; the first row of each sheet is the keys of its first row.</summary>
    private string Workbook(string name, params (string Sheet, Dictionary<string, object?>[] Rows)[] sheets)
    {
        var file = _folder.File(name);
        MiniExcel.SaveAs(file, sheets.ToDictionary(s => s.Sheet, s => (object)s.Rows), overwriteFile: true);
        return file;
    }

    private static Dictionary<string, object?> Row(params (string Column, object? Value)[] cells) =>
        cells.ToDictionary(c => c.Column, c => c.Value);

    /// <summary>Orders as Excel saves them: shared strings, a date style, row 3 left out because it is blank.</summary>
    private string ExcelOrders(string name = "orders.xlsx") => XlsxFile.Write(
        _folder.File(name),
        "Orders",
        """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>
        <row r="2"><c r="A2" s="1"><v>45721</v></c><c r="B2" t="s"><v>4</v></c><c r="C2"><v>0.30000000000000004</v></c><c r="D2" t="b"><v>1</v></c></row>
        <row r="4"><c r="A4" s="1"><v>45722.5</v></c><c r="B4" t="s"><v>5</v></c><c r="C4"><v>1234.5</v></c><c r="D4" t="b"><v>0</v></c></row>
        <row r="5"><c r="A5" s="1"><v>45723</v></c><c r="B5" t="s"><v>4</v></c><c r="C5" t="s"><v>6</v></c></row>
        """,
        "Date", "Customer", "Amount", "Paid", "Acme", "Smith & Co", "n/a");

    [Fact]
    public async Task Reads_number_date_bool_and_text_cells_as_numbers_dates_bools_and_text()
    {
        Workbook("orders.xlsx", ("Orders",
        [
            Row(("Date", new DateTime(2025, 3, 5)), ("Customer", "Acme"), ("Amount", 1234.56m), ("Paid", true), ("Zip", "01234")),
            Row(("Date", new DateTime(2025, 3, 6, 14, 30, 0)), ("Customer", "Smith, Jones & Co"), ("Amount", -7.5m), ("Paid", false), ("Zip", null)),
        ]));

        var table = await ReadTableAsync(Read("orders.xlsx"));

        table.Columns.Should().Equal("Date", "Customer", "Amount", "Paid", "Zip");
        table.Count.Should().Be(2);
        table[0].ToDictionary().Should().Equal(new Dictionary<string, object?>
        {
            ["Date"] = new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero),
            ["Customer"] = "Acme",
            ["Amount"] = 1234.56m,
            ["Paid"] = true,
            ["Zip"] = "01234",
        });
        table[1]["Date"].Should().Be(new DateTimeOffset(2025, 3, 6, 14, 30, 0, TimeSpan.Zero));
        table[1]["Amount"].Should().Be(-7.5m);
        table[1]["Zip"].Should().BeNull();
    }

    [Fact]
    public async Task Rounds_numbers_to_the_15_significant_digits_excel_shows()
    {
        Workbook("sums.xlsx", ("Sheet1",
        [
            Row(("Value", 0.1 + 0.2)),
            Row(("Value", 1.1 * 1.1)),
            Row(("Value", 123456789.123456789)),
            Row(("Value", 1e20)),
            Row(("Value", 0.000001)),
        ]));

        var table = await ReadTableAsync(Read("sums.xlsx"));

        table.Rows.Select(r => r["Value"]).Should().Equal(0.3m, 1.21m, 123456789.123457m, 100000000000000000000m, 0.000001m);
        table[0]["Value"].Should().BeOfType<decimal>().Which.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be("0.3");
    }

    [Fact]
    public async Task Reads_a_workbook_as_excel_saves_it_skipping_blank_rows()
    {
        ExcelOrders();

        var table = await ReadTableAsync(Read("orders.xlsx"));

        table.Columns.Should().Equal("Date", "Customer", "Amount", "Paid");
        table.Count.Should().Be(3);
        table[0]["Date"].Should().Be(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero));
        table[0]["Amount"].Should().Be(0.3m);
        table[0]["Paid"].Should().Be(true);
        table[1]["Date"].Should().Be(new DateTimeOffset(2025, 3, 6, 12, 0, 0, TimeSpan.Zero));
        table[1]["Customer"].Should().Be("Smith & Co");
        table[2]["Amount"].Should().Be("n/a");
        table[2]["Paid"].Should().BeNull();
    }

    [Fact]
    public async Task Names_the_file_sheet_row_column_and_cell_of_a_value_that_is_not_a_number()
    {
        ExcelOrders();

        var result = await FailAsync(Read("orders.xlsx", new Dictionary<string, object?> { ["Amount"] = "number" }));

        // Row 5 of the sheet, although it is the table's third row: a blank row 3 does not shift the count.
        result.Error!.Message.Should().Be("orders.xlsx, sheet 'Orders', row 5, column 'Amount' (C5): 'n/a' is not a number (culture invariant)");
        result.ErrorMessage.Should().StartWith("Bot 'data-test' failed at activity 'read' (ReadExcel");
    }

    [Fact]
    public async Task Names_a_date_cell_in_a_bool_column_by_its_value()
    {
        ExcelOrders();

        var result = await FailAsync(Read("orders.xlsx", new Dictionary<string, object?> { ["Date"] = "bool" }));

        result.Error!.Message.Should().Be("orders.xlsx, sheet 'Orders', row 2, column 'Date' (A2): the datetime 2025-03-05 is not a bool (true/false, yes/no, 1/0)");
    }

    [Fact]
    public async Task Converts_declared_columns_from_text_and_number_cells()
    {
        Workbook("typed.xlsx", ("Sheet1",
        [
            Row(("Zip", 1234m), ("Amount", "1.234,56"), ("Due", 45721m), ("Sent", "2025-03-06"), ("Paid", "yes"), ("Done", 1m)),
            Row(("Zip", "D-01"), ("Amount", 7m), ("Due", new DateTime(2025, 1, 2)), ("Sent", " "), ("Paid", false), ("Done", 0m)),
        ]));
        var columns = new Dictionary<string, object?> { ["Zip"] = "text", ["Amount"] = "number", ["Due"] = "date", ["Sent"] = "date", ["Paid"] = "bool", ["Done"] = "bool" };

        var table = await ReadTableAsync(Read("typed.xlsx", columns).Set(x => x.Culture, "de-DE"));

        table[0].ToDictionary().Should().Equal(new Dictionary<string, object?>
        {
            ["Zip"] = "1234",
            ["Amount"] = 1234.56m,
            ["Due"] = new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero),
            ["Sent"] = new DateTimeOffset(2025, 3, 6, 0, 0, 0, TimeSpan.Zero),
            ["Paid"] = true,
            ["Done"] = true,
        });
        table[1].ToDictionary().Should().Equal(new Dictionary<string, object?>
        {
            ["Zip"] = "D-01",
            ["Amount"] = 7m,
            ["Due"] = new DateTimeOffset(2025, 1, 2, 0, 0, 0, TimeSpan.Zero),
            ["Sent"] = null,
            ["Paid"] = false,
            ["Done"] = false,
        });
    }

    [Fact]
    public async Task Names_a_declared_column_that_is_missing_from_the_header()
    {
        Workbook("sales.xlsx", ("Q1", [Row(("Date", "2025-01-01"), ("Region", "North"), ("Quantity", 3m))]));

        var result = await FailAsync(Read("sales.xlsx", new Dictionary<string, object?> { ["Quantity"] = "number", ["UnitPrice"] = "number" }));

        result.Error!.Message.Should().Be("sales.xlsx, sheet 'Q1', row 1: the column 'UnitPrice' declared in columns is not in the header (the header has Date, Region, Quantity)");
    }

    [Fact]
    public async Task Names_the_cell_of_a_number_too_large_for_a_bot()
    {
        Workbook("big.xlsx", ("Sheet1", [Row(("Value", 1e30))]));

        var result = await FailAsync(Read("big.xlsx"));

        result.Error!.Message.Should().Be("big.xlsx, sheet 'Sheet1', row 2, column 'Value' (A2): the number 1E+30 is too large for a number a bot can use");
    }

    [Fact]
    public async Task Reads_the_named_sheet_in_any_case_and_the_first_sheet_by_default()
    {
        Workbook("book.xlsx", ("Summary", [Row(("Total", 10m))]), ("Details", [Row(("Item", "tea"))]));

        var first = await ReadTableAsync(Read("book.xlsx"));
        var named = await ReadTableAsync(Read("book.xlsx").Set(x => x.Sheet, "details"));

        first.Columns.Should().Equal("Total");
        named.Columns.Should().Equal("Item");
        named[0]["Item"].Should().Be("tea");
    }

    [Fact]
    public async Task Names_the_sheets_of_the_workbook_when_the_sheet_is_missing()
    {
        Workbook("book.xlsx", ("Summary", [Row(("Total", 10m))]), ("Details", [Row(("Item", "tea"))]));

        var result = await FailAsync(Read("book.xlsx").Set(x => x.Sheet, "Detail"));

        result.Error!.Message.Should().Be("book.xlsx: the workbook has no sheet 'Detail' (its sheets are 'Summary', 'Details')");
    }

    [Fact]
    public async Task Names_a_missing_file_with_its_full_path()
    {
        var result = await FailAsync(Read("missing.xlsx"));

        result.Error!.Message.Should().Be($"the Excel file 'missing.xlsx' ({_folder.File("missing.xlsx")}) does not exist");
    }

    [Fact]
    public async Task Rejects_a_file_that_is_not_an_xlsx_workbook_with_a_hint_for_old_xls_files()
    {
        _folder.Write("report.xlsx", "Region,Amount\nNorth,3\n");
        _folder.Write("legacy.xls", "\u00d0\u00cf\u0011\u00e0 not a zip");

        var csv = await FailAsync(Read("report.xlsx"));
        var xls = await FailAsync(Read("legacy.xls"));

        csv.Error!.Message.Should().StartWith($"the file 'report.xlsx' ({_folder.File("report.xlsx")}) is not an .xlsx workbook: ");
        xls.Error!.Message.Should().StartWith($"the file 'legacy.xls' ({_folder.File("legacy.xls")}) is not an .xlsx workbook (the old .xls format cannot be read; save it as .xlsx in Excel): ");
    }

    [Fact]
    public async Task Reads_a_table_that_starts_at_the_start_cell()
    {
        XlsxFile.Write(_folder.File("report.xlsx"), "Report", """
            <row r="1"><c r="A1" t="s"><v>0</v></c></row>
            <row r="3"><c r="B3" t="s"><v>1</v></c><c r="C3" t="s"><v>2</v></c></row>
            <row r="4"><c r="A4" t="s"><v>3</v></c><c r="B4" t="s"><v>4</v></c><c r="C4"><v>12.5</v></c></row>
            <row r="5"><c r="B5" t="s"><v>5</v></c><c r="C5" t="s"><v>6</v></c></row>
            """,
            "Quarterly report", "Region", "Revenue", "note", "North", "South", "unknown");

        var table = await ReadTableAsync(Read("report.xlsx").Set(x => x.StartCell, "b3"));
        var failed = await FailAsync(Read("report.xlsx", new Dictionary<string, object?> { ["Revenue"] = "number" }).Set(x => x.StartCell, "B3"));

        table.Columns.Should().Equal("Region", "Revenue");
        table.Rows.Select(r => r["Revenue"]).Should().Equal(12.5m, "unknown");
        failed.Error!.Message.Should().Be("report.xlsx, sheet 'Report', row 5, column 'Revenue' (C5): 'unknown' is not a number (culture invariant)");
    }

    [Fact]
    public async Task Names_columns_Column1_Column2_when_the_sheet_has_no_header()
    {
        XlsxFile.Write(_folder.File("raw.xlsx"), "Sheet1", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>3</v></c></row>
            <row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2"><v>4</v></c><c r="C2" t="s"><v>2</v></c></row>
            """,
            "north", "south", "extra");

        var table = await ReadTableAsync(Read("raw.xlsx", new Dictionary<string, object?> { ["Column2"] = "number" }).Set(x => x.HasHeader, false));
        var result = await FailAsync(Read("raw.xlsx", new Dictionary<string, object?> { ["Column4"] = "number" }).Set(x => x.HasHeader, false));

        table.Columns.Should().Equal("Column1", "Column2", "Column3");
        table.Rows.Select(r => r["Column2"]).Should().Equal(3m, 4m);
        table[0]["Column3"].Should().BeNull();
        table[1]["Column3"].Should().Be("extra");
        result.Error!.Message.Should().Be("raw.xlsx, sheet 'Sheet1': the sheet has no header and its columns are Column1, Column2, Column3, so the column 'Column4' declared in columns is missing");
    }

    [Fact]
    public async Task Names_empty_header_cells_by_position_and_drops_empty_columns_at_the_end()
    {
        XlsxFile.Write(_folder.File("gaps.xlsx"), "Sheet1", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="s"><v>1</v></c><c r="E1" t="s"><v>3</v></c></row>
            <row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>2</v></c><c r="C2"><v>3</v></c></row>
            """,
            "A", "C", "unused", " ");

        var table = await ReadTableAsync(Read("gaps.xlsx"));

        table.Columns.Should().Equal("A", "Column2", "C");
        table[0].Values.Should().Equal(1m, 2m, 3m);
    }

    [Fact]
    public async Task Names_a_column_that_appears_twice_in_the_header()
    {
        XlsxFile.Write(_folder.File("twice.xlsx"), "Data", """
            <row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>
            """,
            "Id", "Name", "id");

        var result = await FailAsync(Read("twice.xlsx"));

        result.Error!.Message.Should().Be("twice.xlsx, sheet 'Data', row 1: the header names the column 'id' twice (C1)");
    }

    [Fact]
    public async Task Reads_an_empty_sheet_as_an_empty_table_unless_columns_are_declared()
    {
        XlsxFile.Write(_folder.File("empty.xlsx"), "Sheet1", "");

        var table = await ReadTableAsync(Read("empty.xlsx"));
        var result = await FailAsync(Read("empty.xlsx", new Dictionary<string, object?> { ["Amount"] = "number" }));

        table.Count.Should().Be(0);
        table.Columns.Should().BeEmpty();
        result.Error!.Message.Should().Be("empty.xlsx, sheet 'Sheet1', row 1: the column 'Amount' declared in columns is not in the header (the sheet is empty)");
    }

    [Fact]
    public void Rejects_a_bad_start_cell_an_unknown_column_type_and_an_unknown_culture_before_the_run()
    {
        var result = DataBot.Compile(
            Read("x.xlsx", new Dictionary<string, object?> { ["Amount"] = "money" }).Set(x => x.StartCell, "3B").Set(x => x.Culture, "xx-Nowhere"),
            ("table", DataType.Table));

        result.IsValid.Should().BeFalse();
        result.Problems.Should().OnlyContain(p => p.ActivityId == "read");
        result.Problems.Select(p => p.Message).Should().BeEquivalentTo(
            "the start cell must be a cell reference such as A1 or B3 (column A to XFD, row 1 to 1048576), not '3B'",
            "the culture 'xx-Nowhere' is not known; use 'invariant' or a name such as 'en-US' or 'de-DE'",
            "columns: the column 'Amount' has the type 'money'; use text, number, date or bool");
    }

    [Fact]
    public async Task Gives_rows_to_javascript_as_objects_with_numbers()
    {
        Workbook("q.xlsx", ("Sheet1", [Row(("Item", "a"), ("Qty", 2m)), Row(("Item", "b"), ("Qty", 3.5m))]));
        var read = Bot.Sequence("main",
            Read("q.xlsx"),
            Bot.Activity<Engine.Activities.Primitives.SetVariable>("sum").Set(x => x.Variable, "total").Set(x => x.Value, Model.InputValue.JavaScript("table.reduce((s, r) => s + r.Qty, 0)")));

        var result = await DataBot.RunAsync(_folder.Path, read, ("table", DataType.Table), ("total", DataType.Number));

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["total"].Should().Be(5.5m);
    }
}
