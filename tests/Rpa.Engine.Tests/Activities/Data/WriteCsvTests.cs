using System.Text;
using Rpa.Activities.Data;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Data;

public sealed class WriteCsvTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Table Sales()
    {
        var table = new Table(["Region", "Date", "Revenue", "Paid"]);
        table.AddRow("North", new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero), 1234.5m, true);
        table.AddRow("South", new DateTimeOffset(2025, 3, 6, 14, 30, 15, TimeSpan.Zero), 0.1m, false);
        return table;
    }

    private static ActivityBuilder<WriteCsv> Write(string path, InputValue? data = null) =>
        Bot.Activity<WriteCsv>("write").Set(x => x.Path, path).Set(x => x.Data, data ?? InputValue.JavaScript("data")).Output(x => x.RowsWritten, "rows");

    private Task<RunResult> RunWithAsync(ActivityBuilder<WriteCsv> write, Table data) =>
        DataBot.RunAsync(_folder.Path, write, data, ("rows", DataType.Number));

    [Fact]
    public async Task Writes_a_header_and_rows_with_invariant_numbers_and_iso_dates()
    {
        var result = await RunWithAsync(Write("out.csv"), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        _folder.Read("out.csv").Should().Be(
            "Region,Date,Revenue,Paid\r\n" +
            "North,2025-03-05,1234.5,true\r\n" +
            "South,2025-03-06T14:30:15+00:00,0.1,false\r\n");
        result.Outputs["rows"].Should().Be(2m);
    }

    [Fact]
    public async Task Quotes_values_that_contain_the_delimiter_a_quote_or_a_line_break()
    {
        var table = new Table(["Name", "Note"]);
        table.AddRow("Smith, Jones & Co", "said \"hi\"");
        table.AddRow("two", "lines\nhere");
        table.AddRow(null, "");

        var result = await RunWithAsync(Write("q.csv"), table);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        _folder.Read("q.csv").Should().Be("Name,Note\r\n\"Smith, Jones & Co\",\"said \"\"hi\"\"\"\r\ntwo,\"lines\nhere\"\r\n,\r\n");
    }

    [Fact]
    public async Task Writes_only_the_listed_columns_in_their_order()
    {
        var result = await RunWithAsync(Write("cols.csv").SetLiteral(x => x.Columns, new[] { "Revenue", "region" }), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        _folder.Read("cols.csv").Should().Be("Revenue,region\r\n1234.5,North\r\n0.1,South\r\n");
    }

    [Fact]
    public async Task Names_a_listed_column_that_is_not_in_the_data()
    {
        var result = await RunWithAsync(Write("cols.csv").SetLiteral(x => x.Columns, new[] { "Region", "Profit" }), Sales());

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("write");
        result.Error.Message.Should().Be("columns: the column 'Profit' is not in the data (the data has Region, Date, Revenue, Paid)");
        _folder.Files().Should().BeEmpty();
    }

    [Fact]
    public async Task Writes_a_list_of_objects_from_a_javascript_expression()
    {
        var write = Write("list.csv", InputValue.JavaScript("[{ Region: 'East', Orders: 3 }, { Region: 'West', Orders: 2, Note: 'new' }]"));

        var result = await DataBot.RunAsync(_folder.Path, write, ("rows", DataType.Number));

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        _folder.Read("list.csv").Should().Be("Region,Orders,Note\r\nEast,3,\r\nWest,2,new\r\n");
    }

    [Fact]
    public async Task Creates_missing_folders_relative_to_the_bot_folder()
    {
        var result = await RunWithAsync(Write("reports/2025/q1.csv"), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        File.Exists(_folder.File("reports/2025/q1.csv")).Should().BeTrue();
        _folder.Files().Should().Equal(Path.Combine("reports", "2025", "q1.csv"));
    }

    [Fact]
    public async Task Writes_german_numbers_with_a_semicolon_delimiter()
    {
        var table = new Table(["Artikel", "Preis"]);
        table.AddRow("Tee", 1234.56m);

        var result = await RunWithAsync(Write("de.csv").Set(x => x.Culture, "de-DE").Set(x => x.Delimiter, ";"), table);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        _folder.Read("de.csv").Should().Be("Artikel;Preis\r\nTee;1234,56\r\n");
    }

    [Fact]
    public async Task Applies_format_strings_to_numbers_and_dates()
    {
        var formats = new Dictionary<string, object?> { ["Revenue"] = "0.00", ["Date"] = "dd.MM.yyyy" };

        var result = await RunWithAsync(Write("f.csv").SetLiteral(x => x.Formats, formats).SetLiteral(x => x.Columns, new[] { "Date", "Revenue" }), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        _folder.Read("f.csv").Should().Be("Date,Revenue\r\n05.03.2025,1234.50\r\n06.03.2025,0.10\r\n");
    }

    [Fact]
    public async Task Replaces_an_existing_file()
    {
        _folder.Write("out.csv", "old content that is longer than the new one\n");

        var result = await RunWithAsync(Write("out.csv").SetLiteral(x => x.Columns, new[] { "Region" }), Sales());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        _folder.Read("out.csv").Should().Be("Region\r\nNorth\r\nSouth\r\n");
        _folder.Files().Should().Equal("out.csv");
    }

    [Fact]
    public async Task A_failure_half_way_leaves_the_old_file_intact_and_no_temporary_file()
    {
        _folder.Write("out.csv", "the previous report\n");
        var table = new Table(["Value"]);
        table.AddRow(1m);
        table.AddRow(2m);
        table.AddRow(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        table.AddRow(4m);

        // "%" is a valid number format but not a date format, so the third row fails after two rows were written.
        var result = await RunWithAsync(Write("out.csv").SetLiteral(x => x.Formats, new Dictionary<string, object?> { ["Value"] = "%" }), table);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("write");
        result.Error.Message.Should().StartWith("row 3, column 'Value': cannot write datetime '2025-01-01T00:00:00.0000000+00:00' with the format '%'");
        _folder.Read("out.csv").Should().Be("the previous report\n");
        _folder.Files().Should().Equal("out.csv");
    }

    [Fact]
    public async Task A_failure_leaves_no_file_when_there_was_none()
    {
        var table = new Table(["Value"]);
        table.AddRow(1m);
        table.AddRow(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));

        var result = await RunWithAsync(Write("new/out.csv").SetLiteral(x => x.Formats, new Dictionary<string, object?> { ["Value"] = "%" }), table);

        result.Status.Should().Be(RunStatus.Failed);
        _folder.Files().Should().BeEmpty();
    }

    [Fact]
    public async Task Names_a_format_for_a_column_that_is_not_written()
    {
        var result = await RunWithAsync(Write("out.csv").SetLiteral(x => x.Formats, new Dictionary<string, object?> { ["Revenu"] = "0.00" }), Sales());

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("formats: the column 'Revenu' is not written (columns: Region, Date, Revenue, Paid)");
    }

    [Fact]
    public async Task Writes_a_byte_order_mark_only_when_asked()
    {
        await RunWithAsync(Write("plain.csv"), Sales());
        await RunWithAsync(Write("excel.csv").Set(x => x.Encoding, "utf-8-bom"), Sales());

        File.ReadAllBytes(_folder.File("plain.csv"))[..3].Should().Equal(Encoding.ASCII.GetBytes("Reg"));
        File.ReadAllBytes(_folder.File("excel.csv"))[..3].Should().Equal(0xEF, 0xBB, 0xBF);
    }

    [Fact]
    public async Task Writes_only_rows_when_the_header_is_off_and_only_the_listed_header_when_there_are_no_rows()
    {
        await RunWithAsync(Write("rows.csv").Set(x => x.HasHeader, false).SetLiteral(x => x.Columns, new[] { "Region" }), Sales());
        await DataBot.RunAsync(_folder.Path, Write("empty.csv", InputValue.JavaScript("[]")).SetLiteral(x => x.Columns, new[] { "A", "B" }), ("rows", DataType.Number));

        _folder.Read("rows.csv").Should().Be("North\r\nSouth\r\n");
        _folder.Read("empty.csv").Should().Be("A,B\r\n");
    }

    [Fact]
    public async Task Round_trips_through_read_csv()
    {
        var sequence = Bot.Sequence("main",
            Write("trip.csv").Set(x => x.Culture, "de-DE").Set(x => x.Delimiter, ";"),
            Bot.Activity<ReadCsv>("read").Set(x => x.Path, "trip.csv").Set(x => x.Culture, "de-DE").Set(x => x.Delimiter, ";")
                .SetLiteral(x => x.Columns, new Dictionary<string, object?> { ["Date"] = "date", ["Revenue"] = "number", ["Paid"] = "bool" })
                .Output(x => x.Table, "back"));

        var result = await DataBot.RunAsync(_folder.Path, sequence, Sales(), ("rows", DataType.Number), ("back", DataType.Table));

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var back = (Table)result.Outputs["back"]!;
        var original = Sales();
        back.Columns.Should().Equal(original.Columns);
        for (var row = 0; row < original.Count; row++)
        {
            back[row].ToDictionary().Should().Equal(original[row].ToDictionary());
        }
    }
}
