using Rpa.Activities.Data;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Data;

public sealed class AddColumnTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Table Lines()
    {
        var table = new Table(["Item", "Quantity", "UnitPrice"]);
        table.AddRow("tea", 3m, 2.5m);
        table.AddRow("cake", 1m, 4.2m);
        return table;
    }

    private static ActivityBuilder<AddColumn> Add(string column, string expression, InputValue? data = null) =>
        Bot.Activity<AddColumn>("add").Set(x => x.Data, data ?? InputValue.JavaScript("data")).Set(x => x.Column, column).Set(x => x.Expression, expression).Output(x => x.Table, "table");

    private async Task<Table> AddAsync(IActivityBuilder add, Table data)
    {
        var result = await DataBot.RunAsync(_folder.Path, add, data, ("table", DataType.Table));
        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        return (Table)result.Outputs["table"]!;
    }

    private async Task<RunResult> FailAsync(IActivityBuilder add, Table data)
    {
        var result = await DataBot.RunAsync(_folder.Path, add, data, ("table", DataType.Table));
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("add");
        return result;
    }

    [Fact]
    public async Task Adds_a_computed_column_at_the_end_of_a_new_table_and_leaves_the_input_as_it_was()
    {
        var lines = Lines();

        var table = await AddAsync(Add("Total", "row.Quantity * row.UnitPrice"), lines);

        table.Columns.Should().Equal("Item", "Quantity", "UnitPrice", "Total");
        table.Rows.Select(r => r["Total"]).Should().Equal(7.5m, 4.2m);
        table[0]["Item"].Should().Be("tea");
        lines.Columns.Should().Equal("Item", "Quantity", "UnitPrice");
        lines[0].Values.Should().Equal("tea", 3m, 2.5m);
    }

    [Fact]
    public async Task Replaces_a_column_of_the_same_name_in_its_place()
    {
        var table = await AddAsync(Add("item", "row.Item.toUpperCase()"), Lines());

        table.Columns.Should().Equal("item", "Quantity", "UnitPrice");
        table.Rows.Select(r => r["Item"]).Should().Equal("TEA", "CAKE");
    }

    [Fact]
    public async Task Converts_values_to_the_declared_type()
    {
        var data = new Table(["Code", "Amount", "Due", "Flag"]);
        data.AddRow(7m, "12.50", "2025-03-05", "yes");

        var text = await AddAsync(Add("CodeText", "row.Code").Set(x => x.Type, "text"), data);
        var number = await AddAsync(Add("Amount", "row.Amount").Set(x => x.Type, "Number"), data);
        var date = await AddAsync(Add("Due", "row.Due").Set(x => x.Type, "date"), data);
        var flag = await AddAsync(Add("Flag", "row.Flag").Set(x => x.Type, "bool"), data);
        var any = await AddAsync(Add("Parts", "row.Due.split('-')"), data);

        text[0]["CodeText"].Should().Be("7");
        number[0]["Amount"].Should().Be(12.5m);
        date[0]["Due"].Should().Be(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero));
        flag[0]["Flag"].Should().Be(true);
        any[0]["Parts"].Should().BeEquivalentTo(new List<object?> { "2025", "03", "05" });
    }

    [Fact]
    public async Task Gives_the_expression_dates_as_javascript_dates()
    {
        var data = new Table(["Due"]);
        data.AddRow(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.Zero));

        var table = await AddAsync(Add("Next", "new Date(row.Due.getTime() + 86400000)").Set(x => x.Type, "date"), data);
        var year = await AddAsync(Add("Year", "row.Due.getUTCFullYear()"), data);

        table[0]["Next"].Should().Be(new DateTimeOffset(2025, 3, 6, 0, 0, 0, TimeSpan.Zero));
        year[0]["Year"].Should().Be(2025m);
    }

    [Fact]
    public async Task Keeps_null_as_null_in_a_typed_column()
    {
        var table = await AddAsync(Add("Discount", "row.Quantity > 2 ? 0.1 : null").Set(x => x.Type, "number"), Lines());

        table.Rows.Select(r => r["Discount"]).Should().Equal(0.1m, null);
    }

    [Fact]
    public async Task Names_the_row_and_column_of_a_value_that_does_not_fit_the_type()
    {
        var result = await FailAsync(Add("Total", "row.Quantity > 2 ? row.Quantity * 2 : 'n/a'").Set(x => x.Type, "number"), Lines());

        result.Error!.Message.Should().Be("row 2, column 'Total': expected number but got text 'n/a'");
    }

    [Fact]
    public async Task Names_the_row_where_the_expression_fails()
    {
        var data = new Table(["Name"]);
        data.AddRow("acme");
        data.AddRow([null]);

        var result = await FailAsync(Add("Upper", "row.Name.toUpperCase()"), data);

        result.Error!.Message.Should().StartWith("row 2: JavaScript error: ").And.EndWith("(in `row.Name.toUpperCase()`)");
    }

    [Fact]
    public void Reports_a_syntax_error_an_unknown_type_and_an_expression_given_as_a_script_before_the_run()
    {
        var syntax = DataBot.Compile(Add("Total", "row.Quantity *", InputValue.JavaScript("[]")), ("table", DataType.Table));
        var type = DataBot.Compile(Add("Total", "row.Quantity", InputValue.JavaScript("[]")).Set(x => x.Type, "money"), ("table", DataType.Table));
        var script = DataBot.Compile(
            Bot.Activity<AddColumn>("add").Set(x => x.Data, InputValue.JavaScript("[]")).Set(x => x.Column, "X").Set(x => x.Expression, InputValue.JavaScript("'row.A'")),
            ("table", DataType.Table));

        syntax.Problems.Should().ContainSingle().Which.Message.Should().StartWith("expression: JavaScript syntax error: ");
        type.Problems.Should().ContainSingle().Which.ToString().Should().Be(
            "activity 'add', input 'type': the value does not fit the type text: expected one of Any, Text, Number, Date, Bool but got 'money'");
        script.Problems.Should().ContainSingle().Which.ToString().Should().Be(
            "activity 'add', input 'expression': the input must be a literal value, not a JavaScript expression");
    }

    [Fact]
    public async Task Computes_a_column_from_a_list_of_objects_with_a_named_row_variable()
    {
        var add = Add("Label", "line.Item + ' x' + line.Qty", InputValue.JavaScript("[{ Item: 'tea', Qty: 2 }]")).Set(x => x.RowVariable, "line");

        var result = await DataBot.RunAsync(_folder.Path, add, ("table", DataType.Table));

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        ((Table)result.Outputs["table"]!)[0]["Label"].Should().Be("tea x2");
    }
}
