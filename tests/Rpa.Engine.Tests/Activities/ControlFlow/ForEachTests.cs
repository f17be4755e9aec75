using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class ForEachTests
{
    private static Table Invoices()
    {
        var table = new Table(["Customer", "Amount"]);
        table.AddRow("Acme", 120.50m);
        table.AddRow("Globex", 99.50m);
        table.AddRow("Initech", 30m);
        return table;
    }

    [Fact]
    public async Task ForEach_runs_its_body_once_per_item_with_the_item_and_its_index()
    {
        var bot = Bot.Define("letters")
            .Output("trail", DataType.Text)
            .Variable("letters", DataType.List, new List<object?> { "a", "b", "c" })
            .Root(Bot.Activity<ForEach>("each")
                .Set(x => x.Items, InputValue.JavaScript("letters"))
                .Child(x => x.Body, Steps.SetJs("append", "trail", "(trail ?? '') + index + ':' + item + ';'")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["trail"].Should().Be("0:a;1:b;2:c;");
        result.EntryOf("each").Outputs!["count"].Should().Be(3);
    }

    [Fact]
    public async Task ForEach_journals_each_round_with_the_index_as_its_iteration()
    {
        var bot = Bot.Define("iterations")
            .Variable("n", DataType.Number, 0)
            .Root(Bot.Activity<ForEach>("each")
                .SetLiteral(x => x.Items, new[] { 10, 20, 30 })
                .Child(x => x.Body, Bot.Sequence("body", Steps.SetJs("add", "n", "n + item"))))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.EntriesOf("body").Select(e => e.Iteration).Should().Equal(0, 1, 2);
        result.EntriesOf("body").Should().OnlyContain(e => e.ParentSequence == result.EntryOf("each").Sequence);
        result.EntriesOf("add").Select(e => e.Iteration).Should().Equal([null, null, null], "only the direct child of the loop carries the iteration");
        result.EntriesOf("add").Select(e => e.Path).Distinct().Should().Equal("each/body/add");
    }

    [Fact]
    public async Task ForEach_over_a_table_gives_each_row_with_its_columns_to_JavaScript()
    {
        var bot = Bot.Define("total")
            .Input("invoices", DataType.Table, required: true)
            .Output("total", DataType.Number)
            .Output("customers", DataType.Text)
            .Root(Bot.Sequence("main",
                Steps.Set("zero", "total", 0m),
                Steps.Set("none", "customers", ""),
                Bot.Activity<ForEach>("each")
                    .Set(x => x.Items, InputValue.JavaScript("invoices"))
                    .Child(x => x.Body, Bot.Sequence("body",
                        Steps.SetJs("add", "total", "total + item.Amount"),
                        Steps.SetJs("name", "customers", "customers + (index > 0 ? ', ' : '') + item.Customer")))))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["invoices"] = Invoices() })).ShouldSucceed();

        result.Outputs["total"].Should().Be(250m);
        result.Outputs["customers"].Should().Be("Acme, Globex, Initech");
    }

    [Fact]
    public async Task ForEach_over_a_table_gives_each_row_with_its_columns_to_Liquid()
    {
        var bot = Bot.Define("lines")
            .Input("invoices", DataType.Table, required: true)
            .Output("lines", DataType.Text)
            .Root(Bot.Sequence("main",
                Steps.Set("empty", "lines", ""),
                Bot.Activity<ForEach>("each")
                    .Set(x => x.Items, InputValue.JavaScript("invoices"))
                    .Child(x => x.Body, Steps.Set("line", "lines", InputValue.Liquid("{{ lines }}{{ index }}. {{ item.Customer }}: {{ item.Amount }}\n")))))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["invoices"] = Invoices() })).ShouldSucceed();

        result.Outputs["lines"].Should().Be("0. Acme: 120.5\n1. Globex: 99.5\n2. Initech: 30\n");
    }

    [Fact]
    public async Task ForEach_accepts_a_table_given_as_a_list_of_objects()
    {
        var bot = Bot.Define("from-json")
            .Input("rows", DataType.Table, required: true)
            .Output("total", DataType.Number)
            .Root(Bot.Sequence("main",
                Steps.Set("zero", "total", 0m),
                Bot.Activity<ForEach>("each")
                    .Set(x => x.Items, InputValue.JavaScript("rows"))
                    .Child(x => x.Body, Steps.SetJs("add", "total", "total + (item.qty ?? 0)"))))
            .Build();
        var rows = new List<object?>
        {
            new Dictionary<string, object?> { ["sku"] = "A", ["qty"] = 2 },
            new Dictionary<string, object?> { ["sku"] = "B" },
            new Dictionary<string, object?> { ["sku"] = "C", ["qty"] = 5 },
        };

        var result = (await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["rows"] = rows })).ShouldSucceed();

        result.Outputs["total"].Should().Be(7m);
    }

    [Fact]
    public async Task ForEach_names_the_item_and_index_variables_as_the_bot_says()
    {
        var bot = Bot.Define("renamed")
            .Output("trail", DataType.Text)
            .Root(Bot.Activity<ForEach>("each")
                .SetLiteral(x => x.Items, new[] { "x", "y" })
                .Set(x => x.ItemVariable, "letter")
                .Set(x => x.IndexVariable, "position")
                .Child(x => x.Body, Steps.SetJs("append", "trail", "(trail ?? '') + letter + position")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["trail"].Should().Be("x0y1");
    }

    [Fact]
    public async Task ForEach_over_an_empty_list_never_runs_its_body()
    {
        var bot = Bot.Define("empty")
            .Root(Bot.Activity<ForEach>("each").SetLiteral(x => x.Items, Array.Empty<object>()).Child(x => x.Body, Steps.Fail("body", "never")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("each");
        result.EntryOf("each").Outputs!["count"].Should().Be(0);
    }

    [Fact]
    public async Task ForEach_nested_loops_each_see_their_own_item()
    {
        var bot = Bot.Define("grid")
            .Output("cells", DataType.Text)
            .Root(Bot.Activity<ForEach>("rows")
                .SetLiteral(x => x.Items, new[] { "A", "B" })
                .Set(x => x.ItemVariable, "row")
                .Set(x => x.IndexVariable, "r")
                .Child(x => x.Body, Bot.Activity<ForEach>("columns")
                    .SetLiteral(x => x.Items, new[] { 1, 2 })
                    .Child(x => x.Body, Steps.SetJs("cell", "cells", "(cells ?? '') + row + item + ' '"))))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["cells"].Should().Be("A1 A2 B1 B2 ");
    }

    [Fact]
    public async Task ForEach_stops_at_the_first_round_that_fails()
    {
        var bot = Bot.Define("stops")
            .Variable("seen", DataType.Number, 0)
            .Root(Bot.Activity<ForEach>("each")
                .SetLiteral(x => x.Items, new[] { 1, 2, 3 })
                .Child(x => x.Body, Bot.Sequence("body",
                    Steps.SetJs("count", "seen", "seen + 1"),
                    Steps.If("isTwo", "item == 2").Child(x => x.Then, Steps.Fail("stop", "item {{ item }} is bad")))))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.EntriesOf("body").Should().HaveCount(2);
        result.Error!.Path.Should().Be("each/body/isTwo/stop");
    }

    [Fact]
    public async Task ForEach_fails_clearly_when_the_items_are_not_a_list()
    {
        var bot = Bot.Define("not-a-list")
            .Root(Bot.Activity<ForEach>("each").Set(x => x.Items, InputValue.JavaScript("'abc'")))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("input 'items' (JavaScript): expected list but got text 'abc'");
    }

    [Fact]
    public async Task ForEach_fails_clearly_when_the_items_expression_gives_nothing()
    {
        // Regression: a null list (a mistyped property such as order.lnes) failed with a NullReferenceException.
        var bot = Bot.Define("nothing")
            .Variable("order", DataType.Object, new Dictionary<string, object?> { ["lines"] = new List<object?> { 1 } })
            .Root(Bot.Activity<ForEach>("each").Set(x => x.Items, InputValue.JavaScript("order.lnes")))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("input 'items' (JavaScript): the input is required but the expression gave no value (null)");
    }

    [Fact]
    public void ForEach_item_and_index_variables_are_not_visible_outside_the_loop()
    {
        var bot = Bot.Define("scope")
            .Variable("last", DataType.Any)
            .Root(Bot.Sequence("main",
                Bot.Activity<ForEach>("each").SetLiteral(x => x.Items, new[] { 1 }),
                Steps.SetJs("after", "last", "item")))
            .Build();

        var problems = new BotTestHost().Validate(bot).Problems;

        problems.Should().ContainSingle().Which.Should().Match<ValidationProblem>(p =>
            p.ActivityId == "after" && p.Property == "input 'value'" && p.Message.StartsWith("the expression uses 'item', which is not a variable"));
    }

    [Fact]
    public void ForEach_rejects_the_same_name_for_item_and_index()
    {
        var bot = Bot.Define("same-names")
            .Root(Bot.Activity<ForEach>("each").SetLiteral(x => x.Items, new[] { 1 }).Set(x => x.ItemVariable, "x").Set(x => x.IndexVariable, "x"))
            .Build();

        var problems = new BotTestHost().Validate(bot).Problems;

        problems.Should().ContainSingle().Which.Should().Be(new ValidationProblem("each", null, "the item and index variables need different names"));
    }
}
