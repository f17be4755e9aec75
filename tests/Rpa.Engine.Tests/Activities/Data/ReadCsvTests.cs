using System.Text;
using Rpa.Activities.Data;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Data;

public sealed class ReadCsvTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static ActivityBuilder<ReadCsv> Read(string path, object? columns = null)
    {
        var read = Bot.Activity<ReadCsv>("read").Set(x => x.Path, path).Output(x => x.Table, "table");
        return columns is null ? read : read.SetLiteral(x => x.Columns, columns);
    }

    private async Task<Table> ReadTableAsync(ActivityBuilder<ReadCsv> read)
    {
        var result = await DataBot.RunAsync(_folder.Path, read, ("table", DataType.Table));
        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        return (Table)result.Outputs["table"]!;
    }

    private async Task<RunResult> FailAsync(ActivityBuilder<ReadCsv> read)
    {
        var result = await DataBot.RunAsync(_folder.Path, read, ("table", DataType.Table));
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("read");
        return result;
    }

    [Fact]
    public async Task Reads_declared_columns_as_numbers_dates_and_bools_and_the_others_as_text()
    {
        _folder.Write("orders.csv", "Date,Customer,Amount,Paid\n2025-03-05,Acme,1234.56,yes\n2025-03-06,\"Smith, Jones & Co\",-7.5,false\n");

        var table = await ReadTableAsync(Read("orders.csv", new Dictionary<string, object?> { ["Date"] = "date", ["Amount"] = "number", ["Paid"] = "bool" }));

        table.Columns.Should().Equal("Date", "Customer", "Amount", "Paid");
        table.Count.Should().Be(2);
        table[0]["Date"].Should().Be(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero));
        table[0]["Customer"].Should().Be("Acme");
        table[0]["Amount"].Should().Be(1234.56m);
        table[0]["Paid"].Should().Be(true);
        table[1]["Customer"].Should().Be("Smith, Jones & Co");
        table[1]["Amount"].Should().Be(-7.5m);
        table[1]["Paid"].Should().Be(false);
    }

    [Fact]
    public async Task Leaves_undeclared_columns_as_text_even_when_they_look_like_numbers()
    {
        _folder.Write("ids.csv", "Id,Zip\n007,01234\n");

        var table = await ReadTableAsync(Read("ids.csv"));

        table[0]["Id"].Should().Be("007");
        table[0]["Zip"].Should().Be("01234");
    }

    [Fact]
    public async Task Reads_quoted_fields_with_delimiters_quotes_and_line_breaks()
    {
        _folder.Write("notes.csv", "Id,Note\r\n1,\"He said \"\"hi\"\", then left\"\r\n2,\"two\r\nlines\"\r\n3,plain\r\n");

        var table = await ReadTableAsync(Read("notes.csv"));

        table.Rows.Select(r => r["Note"]).Should().Equal("He said \"hi\", then left", "two\r\nlines", "plain");
    }

    [Fact]
    public async Task Parses_german_numbers_and_dates_with_culture_de_DE()
    {
        _folder.Write("umsatz.csv", "Datum;Betrag;Menge\n05.03.2025;1.234,56;3\n31.12.2024;-0,99;1.000\n");

        var table = await ReadTableAsync(Read("umsatz.csv", new Dictionary<string, object?> { ["Datum"] = "date", ["Betrag"] = "number", ["Menge"] = "number" })
            .Set(x => x.Delimiter, ";")
            .Set(x => x.Culture, "de-DE"));

        table[0]["Datum"].Should().Be(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero));
        table[0]["Betrag"].Should().Be(1234.56m);
        table[1]["Datum"].Should().Be(new DateTimeOffset(2024, 12, 31, 0, 0, 0, TimeSpan.Zero));
        table[1]["Betrag"].Should().Be(-0.99m);
        table[1]["Menge"].Should().Be(1000m);
    }

    [Fact]
    public async Task Names_the_file_line_column_and_culture_of_a_value_that_is_not_a_number()
    {
        _folder.Write("umsatz.csv", "Datum;Betrag\n05.03.2025;1,50\n06.03.2025;abc\n");

        var result = await FailAsync(Read("umsatz.csv", new Dictionary<string, object?> { ["Betrag"] = "number" }).Set(x => x.Delimiter, ";").Set(x => x.Culture, "de-DE"));

        result.Error!.Message.Should().Be("umsatz.csv, line 3, column 'Betrag': 'abc' is not a number (culture de-DE)");
        result.ErrorMessage.Should().Contain("activity 'read'");
    }

    [Fact]
    public async Task Does_not_read_a_decimal_comma_as_a_thousands_separator()
    {
        _folder.Write("prices.csv", "Item,Price\nTea,\"1,5\"\n");

        var result = await FailAsync(Read("prices.csv", new Dictionary<string, object?> { ["Price"] = "number" }));

        result.Error!.Message.Should().Be("prices.csv, line 2, column 'Price': '1,5' is not a number (culture invariant)");
    }

    [Fact]
    public async Task Counts_lines_inside_quoted_fields_in_error_positions()
    {
        _folder.Write("multi.csv", "Note,Amount\n\"first\nsecond\nthird\",1\nok,2\nbad,x\n");

        var result = await FailAsync(Read("multi.csv", new Dictionary<string, object?> { ["Amount"] = "number" }));

        result.Error!.Message.Should().StartWith("multi.csv, line 6, column 'Amount': 'x' is not a number");
    }

    [Fact]
    public async Task Names_a_declared_column_that_is_missing_from_the_header()
    {
        _folder.Write("sales.csv", "Date,Region,Quantity\n2025-01-01,North,3\n");

        var result = await FailAsync(Read("sales.csv", new Dictionary<string, object?> { ["Quantity"] = "number", ["UnitPrice"] = "number" }));

        result.Error!.Message.Should().Be("sales.csv, line 1: the column 'UnitPrice' declared in columns is not in the header (the header has Date, Region, Quantity)");
        result.ErrorMessage.Should().StartWith("Bot 'data-test' failed at activity 'read' (ReadCsv");
    }

    [Fact]
    public async Task Names_a_missing_file_with_its_full_path()
    {
        var result = await FailAsync(Read("missing.csv"));

        result.Error!.Message.Should().Be($"the CSV file 'missing.csv' ({_folder.File("missing.csv")}) does not exist");
    }

    [Fact]
    public async Task Reads_an_absolute_path_as_it_is()
    {
        var file = _folder.Write("sub/data.csv", "A\n1\n");

        var table = await ReadTableAsync(Read(file));

        table[0]["A"].Should().Be("1");
    }

    [Fact]
    public async Task Names_columns_Column1_Column2_when_the_file_has_no_header()
    {
        _folder.Write("raw.csv", "north|3\nsouth|4|extra\n");

        var table = await ReadTableAsync(Read("raw.csv", new Dictionary<string, object?> { ["Column2"] = "number" })
            .Set(x => x.HasHeader, false)
            .Set(x => x.Delimiter, "|"));

        table.Columns.Should().Equal("Column1", "Column2", "Column3");
        table.Rows.Select(r => r["Column2"]).Should().Equal(3m, 4m);
        table[0]["Column3"].Should().BeNull();
        table[1]["Column3"].Should().Be("extra");
    }

    [Fact]
    public async Task Names_a_declared_column_that_a_file_without_header_does_not_have()
    {
        _folder.Write("raw.csv", "north,3\nsouth,4\n");

        var result = await FailAsync(Read("raw.csv", new Dictionary<string, object?> { ["Column3"] = "number" }).Set(x => x.HasHeader, false));

        result.Error!.Message.Should().Be("raw.csv: the file has no header and its columns are Column1, Column2, so the column 'Column3' declared in columns is missing");
    }

    [Fact]
    public async Task Reads_an_empty_file_as_an_empty_table_unless_columns_are_declared()
    {
        _folder.Write("empty.csv", "");

        var table = await ReadTableAsync(Read("empty.csv"));
        var result = await FailAsync(Read("empty.csv", new Dictionary<string, object?> { ["Amount"] = "number" }));

        table.Count.Should().Be(0);
        table.Columns.Should().BeEmpty();
        result.Error!.Message.Should().Be("empty.csv, line 1: the column 'Amount' declared in columns is not in the header (the file is empty)");
    }

    [Fact]
    public async Task Reads_empty_typed_values_as_null_and_short_rows_as_empty()
    {
        _folder.Write("gaps.csv", "Name,Amount,Note\nA,,x\nB\n");

        var table = await ReadTableAsync(Read("gaps.csv", new Dictionary<string, object?> { ["Amount"] = "number" }));

        table[0]["Amount"].Should().BeNull();
        table[1]["Amount"].Should().BeNull();
        table[1]["Note"].Should().Be("");
    }

    [Fact]
    public async Task Rejects_a_row_with_more_values_than_the_header()
    {
        _folder.Write("wide.csv", "A,B\n1,2\n1,2,3\n");

        var result = await FailAsync(Read("wide.csv"));

        result.Error!.Message.Should().Be("wide.csv, line 3: the row has 3 values but the header has 2 columns (A, B)");
    }

    [Fact]
    public async Task Accepts_trailing_empty_fields_beyond_the_header()
    {
        _folder.Write("excel.csv", "A,B\n1,2,,\n");

        var table = await ReadTableAsync(Read("excel.csv"));

        table[0]["B"].Should().Be("2");
    }

    [Fact]
    public async Task Rejects_malformed_quotes_with_the_line()
    {
        _folder.Write("broken.csv", "A,B\n1,\"ok\"\n2,\"bad\"x\n");

        var result = await FailAsync(Read("broken.csv"));

        result.Error!.Message.Should().Be("broken.csv, line 3: the file is not valid CSV: text after the closing quote of a quoted field");
    }

    [Fact]
    public async Task Reads_windows_1252_and_skips_a_utf8_byte_order_mark()
    {
        _folder.Write("latin.csv", "Name,City\nMüller,Köln\n", CodePagesEncoding("windows-1252"));
        _folder.Write("bom.csv", "Name,City\nMüller,Köln\n", new UTF8Encoding(true));

        var latin = await ReadTableAsync(Read("latin.csv").Set(x => x.Encoding, "windows-1252"));
        var bom = await ReadTableAsync(Read("bom.csv"));

        latin[0]["City"].Should().Be("Köln");
        bom.Columns.Should().Equal("Name", "City");
        bom[0]["Name"].Should().Be("Müller");
    }

    [Fact]
    public async Task Names_a_column_that_appears_twice_in_the_header()
    {
        _folder.Write("twice.csv", "Id,Name,id\n1,a,2\n");

        var result = await FailAsync(Read("twice.csv"));

        result.Error!.Message.Should().Be("twice.csv, line 1: the header names the column 'id' twice");
    }

    [Fact]
    public void Rejects_an_unknown_column_type_a_bad_delimiter_and_an_unknown_culture_before_the_run()
    {
        var result = DataBot.Compile(
            Read("x.csv", new Dictionary<string, object?> { ["Amount"] = "money" }).Set(x => x.Delimiter, ";;").Set(x => x.Culture, "xx-Nowhere"),
            ("table", DataType.Table));

        result.IsValid.Should().BeFalse();
        result.Problems.Should().OnlyContain(p => p.ActivityId == "read");
        result.Problems.Select(p => p.Message).Should().BeEquivalentTo(
            "the delimiter must be one ASCII character such as ',', ';', '|' or a tab, not ';;'",
            "the culture 'xx-Nowhere' is not known; use 'invariant' or a name such as 'en-US' or 'de-DE'",
            "columns: the column 'Amount' has the type 'money'; use text, number, date or bool");
    }

    [Fact]
    public async Task Gives_rows_to_javascript_as_objects_with_numbers()
    {
        _folder.Write("q.csv", "Item,Qty\na,2\nb,3.5\n");
        var read = Bot.Sequence("main",
            Read("q.csv", new Dictionary<string, object?> { ["Qty"] = "number" }),
            Bot.Activity<Engine.Activities.Primitives.SetVariable>("sum").Set(x => x.Variable, "total").Set(x => x.Value, Model.InputValue.JavaScript("table.reduce((s, r) => s + r.Qty, 0)")));

        var result = await DataBot.RunAsync(_folder.Path, read, ("table", DataType.Table), ("total", DataType.Number));

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["total"].Should().Be(5.5m);
    }

    private static Encoding CodePagesEncoding(string name)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(name);
    }
}
