using Rpa.Activities.Data;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Data;

public sealed class FilterRowsTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static Table Orders()
    {
        var table = new Table(["Id", "Region", "Amount", "Paid"]);
        table.AddRow(1m, "North", 250m, true);
        table.AddRow(2m, "South", 400m, null);
        table.AddRow(3m, "North", 80m, false);
        table.AddRow(4m, "North", 120.5m, true);
        return table;
    }

    private static ActivityBuilder<FilterRows> Filter(string condition, InputValue? data = null) =>
        Bot.Activity<FilterRows>("filter").Set(x => x.Data, data ?? InputValue.JavaScript("data")).Set(x => x.Condition, condition).Output(x => x.Table, "table");

    private async Task<Table> FilterAsync(IActivityBuilder filter, Table data, params (string Name, DataType Type)[] outputs)
    {
        var result = await DataBot.RunAsync(_folder.Path, filter, data, [("table", DataType.Table), .. outputs]);
        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        return (Table)result.Outputs["table"]!;
    }

    [Fact]
    public async Task Keeps_the_rows_where_the_condition_is_true_in_a_new_table()
    {
        var orders = Orders();

        var table = await FilterAsync(Filter("row.Amount > 100 && row.Region === 'North'"), orders);

        table.Should().NotBeSameAs(orders);
        table.Columns.Should().Equal("Id", "Region", "Amount", "Paid");
        table.Rows.Select(r => r["Id"]).Should().Equal(1m, 4m);
        table[1].ToDictionary().Should().Equal(orders[3].ToDictionary());
        orders.Count.Should().Be(4);
    }

    [Fact]
    public async Task Keeps_rows_whose_condition_is_truthy_as_in_javascript()
    {
        var table = await FilterAsync(Filter("row.Paid"), Orders());

        table.Rows.Select(r => r["Id"]).Should().Equal(1m, 4m);
    }

    [Fact]
    public async Task Filters_a_list_of_objects_and_keeps_the_columns_of_an_empty_result()
    {
        var filter = Filter("row.Qty >= 3", InputValue.JavaScript("[{ Item: 'tea', Qty: 2 }, { Item: 'cake', Qty: 3 }]"));
        var none = Filter("row.Qty > 10", InputValue.JavaScript("[{ Item: 'tea', Qty: 2 }]"));

        var result = await DataBot.RunAsync(_folder.Path, filter, ("table", DataType.Table));
        var empty = await DataBot.RunAsync(_folder.Path, none, ("table", DataType.Table));

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        ((Table)result.Outputs["table"]!).Rows.Select(r => r["Item"]).Should().Equal("cake");
        ((Table)empty.Outputs["table"]!).Columns.Should().Equal("Item", "Qty");
        ((Table)empty.Outputs["table"]!).Count.Should().Be(0);
    }

    [Fact]
    public async Task Uses_the_named_row_variable_and_the_bots_variables()
    {
        var bot = Bot.Sequence("main",
            Bot.Activity<SetVariable>("limit").Set(x => x.Variable, "threshold").Set(x => x.Value, 100m),
            Filter("order.Amount > threshold").Set(x => x.RowVariable, "order"));

        var table = await FilterAsync(bot, Orders(), ("threshold", DataType.Number));

        table.Rows.Select(r => r["Id"]).Should().Equal(1m, 2m, 4m);
    }

    [Fact]
    public void Reports_a_syntax_error_in_the_condition_when_the_bot_is_compiled_before_any_row()
    {
        var result = DataBot.Compile(Filter("row.Amount >> > 100", InputValue.JavaScript("[]")), ("table", DataType.Table));

        result.IsValid.Should().BeFalse();
        result.Problems.Should().ContainSingle();
        result.Problems[0].ActivityId.Should().Be("filter");
        result.Problems[0].Message.Should().StartWith("condition: JavaScript syntax error: ");
    }

    [Fact]
    public void Rejects_a_condition_given_as_an_expression_and_a_bad_row_variable_before_the_run()
    {
        var filter = Bot.Activity<FilterRows>("filter")
            .Set(x => x.Data, InputValue.JavaScript("[]"))
            .Set(x => x.Condition, InputValue.JavaScript("'row.Amount > 1'"))
            .Set(x => x.RowVariable, "1st")
            .Output(x => x.Table, "table");

        var result = DataBot.Compile(filter, ("table", DataType.Table));

        result.Problems.Select(p => p.ToString()).Should().BeEquivalentTo(
            "activity 'filter', input 'condition': the input must be a literal value, not a JavaScript expression",
            "activity 'filter': '1st' is not a valid variable name for the row: use letters, digits and _ (not starting with a digit)");
    }

    [Fact]
    public async Task Names_the_row_where_the_condition_fails()
    {
        var orders = new Table(["Name"]);
        orders.AddRow("acme");
        orders.AddRow([null]);

        var result = await DataBot.RunAsync(_folder.Path, Filter("row.Name.toUpperCase() === 'ACME'"), orders, ("table", DataType.Table));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("filter");
        result.Error.Message.Should().StartWith("row 2: JavaScript error: ").And.EndWith("(in `row.Name.toUpperCase() === 'ACME'`)");
    }

    [Fact]
    public async Task Names_a_variable_the_condition_uses_that_is_not_in_scope()
    {
        var result = await DataBot.RunAsync(_folder.Path, Filter("row.Amount > limit"), Orders(), ("table", DataType.Table));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("condition: the expression uses 'limit', which is neither the row variable nor a variable, input or output of the bot (in scope: data, row, table)");
    }

    [Fact]
    public async Task Filters_ten_thousand_rows_with_the_condition_parsed_once()
    {
        var orders = new Table(["Id", "Region", "Amount"]);
        for (var i = 0; i < 10_000; i++)
        {
            orders.AddRow((decimal)i, i % 2 == 0 ? "North" : "South", (decimal)(i % 1000));
        }

        // The condition is parsed when the bot is compiled (a syntax error is a compile problem, see above); each of the
        // 10,000 rows only evaluates the parsed script, so this finishes in well under the test timeout.
        var table = await FilterAsync(Filter("row.Amount >= 500 && row.Region === 'North'"), orders);

        table.Count.Should().Be(2_500);
        table.Rows.Should().OnlyContain(r => (decimal)r["Amount"]! >= 500 && (string)r["Region"]! == "North");
    }

    [Fact]
    public async Task The_compiled_bot_evaluates_the_same_condition_in_every_run()
    {
        var host = new Testing.BotTestHost(DataBot.Registry());
        var bot = Bot.Define("twice").Input("data", DataType.Table).Output("table", DataType.Table).Root(Filter("row.Amount > 100")).Build();
        var compiled = host.Compiler.CompileOrThrow(bot, _folder.Path);

        var first = await host.RunAsync(compiled, new Dictionary<string, object?> { ["data"] = Orders() });
        var second = await host.RunAsync(compiled, new Dictionary<string, object?> { ["data"] = Orders() });

        ((Table)first.Outputs["table"]!).Count.Should().Be(3);
        ((Table)second.Outputs["table"]!).Count.Should().Be(3);
    }
}
