using System.IO.Compression;
using MiniExcelLibs;
using Rpa.Activities.Data;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Data;

public sealed class WriteExcelTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Table Sales()
    {
        var table = new Table(["Region", "Date", "Revenue", "Paid", "Code"]);
        table.AddRow("North", new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero), 1234.5m, true, "007");
        table.AddRow("South", new DateTimeOffset(2025, 3, 6, 0, 0, 0, TimeSpan.Zero), 0.1m, false, null);
        return table;
    }

    private static ActivityBuilder<WriteExcel> Write(string path, InputValue? data = null) =>
        Bot.Activity<WriteExcel>("write").Set(x => x.Path, path).Set(x => x.Data, data ?? InputValue.JavaScript("data")).Output(x => x.RowsWritten, "rows");

    private Task<RunResult> RunWithAsync(IActivityBuilder write, Table data, params (string Name, DataType Type)[] outputs) =>
        DataBot.RunAsync(_folder.Path, write, data, [("rows", DataType.Number), .. outputs]);

    /// <summary>The cells of a sheet as MiniExcel reads them back: the types Excel stores (double, DateTime, bool, string).</summary>
    private List<object?[]> Cells(string name, string? sheet = null) =>
        MiniExcel.Query(_folder.File(name), useHeaderRow: false, sheetName: sheet)
            .Cast<IDictionary<string, object?>>()
            .Select(r => r.Values.ToArray())
            .ToList();

    private string Part(string name, string part)
    {
        using var zip = ZipFile.OpenRead(_folder.File(name));
        using var reader = new StreamReader(zip.GetEntry(part)!.Open());
        return reader.ReadToEnd();
    }

    [Fact]
    public async Task Writes_numbers_dates_and_bools_as_excel_values_and_text_as_text()
    {
        var result = await RunWithAsync(Write("out.xlsx"), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["rows"].Should().Be(2m);
        MiniExcel.GetSheetNames(_folder.File("out.xlsx")).Should().Equal("Sheet1");
        var cells = Cells("out.xlsx");
        cells[0].Should().Equal("Region", "Date", "Revenue", "Paid", "Code");
        cells[1].Should().Equal("North", new DateTime(2025, 3, 5), 1234.5, true, "007");
        cells[2].Should().Equal("South", new DateTime(2025, 3, 6), 0.1, false, null);
        Part("out.xlsx", "xl/worksheets/sheet1.xml").Should().Contain("<x:c r=\"C2\" t=\"n\"").And.Contain("<x:c r=\"E2\" t=\"str\"");
    }

    [Fact]
    public async Task Writes_the_sheet_parts_in_the_order_excel_requires()
    {
        // Regression: MiniExcel's SaveAsAsync writes <drawing> inside <sheetData>, and Excel reports the workbook as damaged.
        var result = await RunWithAsync(Write("order.xlsx"), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var sheet = Part("order.xlsx", "xl/worksheets/sheet1.xml");
        var dataEnd = sheet.IndexOf("</x:sheetData>", StringComparison.Ordinal);
        dataEnd.Should().BePositive();
        sheet[..dataEnd].Should().NotContain("<x:drawing");
    }

    [Fact]
    public async Task Round_trips_through_read_excel()
    {
        var table = Sales();
        table.AddRow("East", new DateTimeOffset(2025, 3, 7, 14, 30, 15, TimeSpan.Zero), -0.000001m, null, "");
        var sequence = Bot.Sequence("main",
            Write("trip.xlsx").Set(x => x.Sheet, "Sales 2025"),
            Bot.Activity<ReadExcel>("read").Set(x => x.Path, "trip.xlsx").Set(x => x.Sheet, "Sales 2025").Output(x => x.Table, "back"));

        var result = await RunWithAsync(sequence, table, ("back", DataType.Table));

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var back = (Table)result.Outputs["back"]!;
        back.Columns.Should().Equal(table.Columns);
        back.Count.Should().Be(3);
        back[0].ToDictionary().Should().Equal(table[0].ToDictionary());
        back[1].ToDictionary().Should().Equal(table[1].ToDictionary());
        back[2].ToDictionary().Should().Equal(new Dictionary<string, object?>
        {
            ["Region"] = "East",
            ["Date"] = new DateTimeOffset(2025, 3, 7, 14, 30, 15, TimeSpan.Zero),
            ["Revenue"] = -0.000001m,
            ["Paid"] = null,
            ["Code"] = null, // An empty cell reads as null, whether it held "" or nothing.
        });
    }

    [Fact]
    public async Task Shows_dates_as_dates_with_the_time_only_in_columns_that_have_one()
    {
        var table = new Table(["Day", "At"]);
        table.AddRow(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2025, 3, 5, 9, 15, 0, TimeSpan.FromHours(1)));

        var result = await RunWithAsync(Write("dates.xlsx"), table);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        Part("dates.xlsx", "xl/styles.xml").Should().Contain("formatCode=\"yyyy-mm-dd\"").And.Contain("formatCode=\"yyyy-mm-dd hh:mm:ss\"");
        Cells("dates.xlsx")[1].Should().Equal(new DateTime(2025, 3, 5), new DateTime(2025, 3, 5, 8, 15, 0)); // in UTC: Excel has no time zones
    }

    [Fact]
    public async Task Writes_only_the_listed_columns_in_their_order()
    {
        var result = await RunWithAsync(Write("cols.xlsx").SetLiteral(x => x.Columns, new[] { "Revenue", "region" }), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        Cells("cols.xlsx").Should().BeEquivalentTo(new[] { new object[] { "Revenue", "region" }, [1234.5, "North"], [0.1, "South"] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Names_a_listed_column_that_is_not_in_the_data()
    {
        var result = await RunWithAsync(Write("cols.xlsx").SetLiteral(x => x.Columns, new[] { "Region", "Profit" }), Sales());

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("write");
        result.Error.Message.Should().Be("columns: the column 'Profit' is not in the data (the data has Region, Date, Revenue, Paid, Code)");
        _folder.Files().Should().BeEmpty();
    }

    [Fact]
    public async Task Writes_a_list_of_objects_from_a_javascript_expression()
    {
        var write = Write("list.xlsx", InputValue.JavaScript("[{ Region: 'East', Orders: 3 }, { Region: 'West', Orders: 2, Note: 'new' }]"));

        var result = await DataBot.RunAsync(_folder.Path, write, ("rows", DataType.Number));

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        Cells("list.xlsx").Should().BeEquivalentTo(new[] { new object?[] { "Region", "Orders", "Note" }, ["East", 3.0, null], ["West", 2.0, "new"] }, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task Writes_the_listed_header_when_there_are_no_rows()
    {
        var result = await DataBot.RunAsync(_folder.Path, Write("empty.xlsx", InputValue.JavaScript("[]")).SetLiteral(x => x.Columns, new[] { "A", "B" }), ("rows", DataType.Number));

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["rows"].Should().Be(0m);
        Cells("empty.xlsx").Should().BeEquivalentTo(new[] { new object[] { "A", "B" } });
    }

    [Fact]
    public async Task Creates_missing_folders_relative_to_the_bot_folder()
    {
        var result = await RunWithAsync(Write("reports/2025/q1.xlsx"), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        _folder.Files().Should().Equal(Path.Combine("reports", "2025", "q1.xlsx"));
    }

    [Fact]
    public async Task Replaces_an_existing_workbook_with_one_of_just_the_written_sheet()
    {
        MiniExcel.SaveAs(_folder.File("out.xlsx"), new Dictionary<string, object>
        {
            ["Old"] = new[] { new Dictionary<string, object?> { ["X"] = 1 } },
            ["Other"] = new[] { new Dictionary<string, object?> { ["Y"] = 2 } },
        });

        var result = await RunWithAsync(Write("out.xlsx").Set(x => x.Sheet, "Sales"), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        MiniExcel.GetSheetNames(_folder.File("out.xlsx")).Should().Equal("Sales");
        _folder.Files().Should().Equal("out.xlsx");
    }

    [Fact]
    public async Task A_value_excel_cannot_hold_fails_the_run_and_leaves_the_old_file_intact()
    {
        _folder.Write("out.xlsx", "the previous report");
        var table = new Table(["Note"]);
        table.AddRow("short");
        table.AddRow("also short");
        table.AddRow(new string('x', 40_000));

        var result = await RunWithAsync(Write("out.xlsx"), table);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("write");
        result.Error.Message.Should().Be("row 3, column 'Note': the text is 40,000 characters long, but an Excel cell holds at most 32,767");
        _folder.Read("out.xlsx").Should().Be("the previous report");
        _folder.Files().Should().Equal("out.xlsx");
    }

    [Fact]
    public async Task Names_the_row_and_column_of_a_date_before_1900()
    {
        var table = new Table(["Name", "Born"]);
        table.AddRow("Ada", new DateTimeOffset(1815, 12, 10, 0, 0, 0, TimeSpan.Zero));

        var result = await RunWithAsync(Write("people.xlsx"), table);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("row 1, column 'Born': the date 1815-12-10 is before 1 March 1900, which Excel cannot store as a date; write it as text");
        _folder.Files().Should().BeEmpty();
    }

    [Fact]
    public async Task A_failure_after_writing_leaves_no_temporary_file_and_the_target_as_it_was()
    {
        // The target is a folder, so the final move fails after the workbook was written to the temporary file.
        Directory.CreateDirectory(_folder.File("out.xlsx"));
        _folder.Write("out.xlsx/keep.txt", "kept");

        var result = await RunWithAsync(Write("out.xlsx"), Sales());

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().StartWith($"cannot write the Excel file 'out.xlsx' ({_folder.File("out.xlsx")}): ");
        _folder.Files().Should().Equal(Path.Combine("out.xlsx", "keep.txt"));
    }

    [Fact]
    public void Rejects_a_bad_sheet_name_and_a_path_that_is_not_xlsx_before_the_run()
    {
        var result = DataBot.Compile(Write("report.xls", InputValue.JavaScript("[]")).Set(x => x.Sheet, "Q1/Q2"), ("rows", DataType.Number));

        result.IsValid.Should().BeFalse();
        result.Problems.Should().OnlyContain(p => p.ActivityId == "write");
        result.Problems.Select(p => p.Message).Should().BeEquivalentTo(
            "the workbook 'report.xls' ends with '.xls'; WriteExcel writes .xlsx workbooks, so name it with .xlsx",
            "the sheet name 'Q1/Q2' is not allowed: Excel allows 1 to 31 characters, none of : \\ / ? * [ ], and no ' at either end");
    }
}
