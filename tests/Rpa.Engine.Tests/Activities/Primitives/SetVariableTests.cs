using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Primitives;

public sealed class SetVariableTests
{
    private static async Task<object?> SetAndRead(DataType type, InputValue value)
    {
        var bot = Bot.Define("set").Output("target", type).Root(Steps.Set("set", "target", value)).Build();
        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();
        return result.Outputs["target"];
    }

    [Fact]
    public async Task SetVariable_converts_text_to_a_number_variable()
    {
        (await SetAndRead(DataType.Number, "42.5")).Should().Be(42.5m);
    }

    [Fact]
    public async Task SetVariable_converts_a_number_to_a_text_variable()
    {
        (await SetAndRead(DataType.Text, InputValue.JavaScript("6 * 7"))).Should().Be("42");
    }

    [Theory]
    [InlineData("yes", true)]
    [InlineData("FALSE", false)]
    [InlineData("1", true)]
    public async Task SetVariable_converts_text_to_a_bool_variable(string text, bool expected)
    {
        (await SetAndRead(DataType.Bool, text)).Should().Be(expected);
    }

    [Fact]
    public async Task SetVariable_converts_text_to_a_datetime_variable()
    {
        (await SetAndRead(DataType.DateTime, "2025-01-31")).Should().Be(new DateTimeOffset(2025, 1, 31, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task SetVariable_converts_a_list_of_objects_to_a_table_variable()
    {
        var table = (await SetAndRead(DataType.Table, InputValue.JavaScript("[{ sku: 'A', qty: 1 }, { sku: 'B', qty: 2 }]")))
            .Should().BeOfType<Table>().Subject;

        table.Columns.Should().Equal("sku", "qty");
        table.Rows.Select(r => r["QTY"]).Should().Equal(1m, 2m);
    }

    [Fact]
    public async Task SetVariable_stores_an_object_variable_as_a_dictionary()
    {
        var value = await SetAndRead(DataType.Object, InputValue.JavaScript("({ name: 'Ada', tags: ['a', 'b'] })"));

        value.Should().BeEquivalentTo(new Dictionary<string, object?> { ["name"] = "Ada", ["tags"] = new List<object?> { "a", "b" } });
    }

    [Fact]
    public async Task SetVariable_keeps_the_value_as_it_is_for_an_any_variable()
    {
        (await SetAndRead(DataType.Any, InputValue.JavaScript("[1, 'two']"))).Should().BeEquivalentTo(new List<object?> { 1m, "two" });
    }

    [Fact]
    public async Task SetVariable_without_a_value_clears_the_variable()
    {
        var bot = Bot.Define("clear")
            .Variable("name", DataType.Text, "Ada")
            .Output("copy", DataType.Text)
            .Root(Bot.Sequence("main",
                Bot.Activity<SetVariable>("clear").Set(x => x.Variable, "name"),
                Steps.SetJs("copy", "copy", "name === null ? 'cleared' : name")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["copy"].Should().Be("cleared");
    }

    [Fact]
    public async Task SetVariable_fails_when_the_value_does_not_fit_the_declared_type()
    {
        var bot = Bot.Define("mismatch").Variable("count", DataType.Number).Root(Steps.Set("set", "count", "abc")).Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("set");
        result.Error.Message.Should().Be("variable 'count' is number: expected number but got text 'abc'");
    }

    [Fact]
    public void SetVariable_cannot_write_a_bot_input()
    {
        var bot = Bot.Define("read-only").Input("limit", DataType.Number, 10).Root(Steps.Set("set", "limit", 20m)).Build();

        new BotTestHost().Validate(bot).Problems.Should().Equal(
            new ValidationProblem("set", "input 'variable'", "'limit' is a bot input and cannot be changed; copy it into a variable first"));
    }

    [Fact]
    public void SetVariable_reports_an_unknown_variable_at_validation()
    {
        var bot = Bot.Define("typo").Variable("total", DataType.Number).Root(Steps.Set("set", "totl", 1m)).Build();

        new BotTestHost().Validate(bot).Problems.Should().Equal(
            new ValidationProblem("set", "input 'variable'", "'totl' is not a variable or output of the bot (in scope: total)"));
    }

    [Fact]
    public void SetVariable_takes_the_variable_name_only_as_a_literal()
    {
        var bot = Bot.Define("dynamic").Variable("total", DataType.Number)
            .Root(Bot.Activity<SetVariable>("set").Set(x => x.Variable, InputValue.JavaScript("'total'")).Set(x => x.Value, 1m))
            .Build();

        new BotTestHost().Validate(bot).Problems.Should().Equal(
            new ValidationProblem("set", "input 'variable'", "the input must be a literal value, not a JavaScript expression"));
    }

    [Fact]
    public async Task SetVariable_inside_a_loop_may_set_the_loop_variable()
    {
        var bot = Bot.Define("loop-var")
            .Output("seen", DataType.Text)
            .Root(Bot.Activity<ForEach>("each")
                .SetLiteral(x => x.Items, new[] { "a" })
                .Child(x => x.Body, Bot.Sequence("body", Steps.SetJs("upper", "item", "item.toUpperCase()"), Steps.SetJs("copy", "seen", "item"))))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["seen"].Should().Be("A");
    }

    [Fact]
    public async Task SetVariable_records_the_value_it_set_in_the_journal()
    {
        var bot = Bot.Define("journal").Output("total", DataType.Number).Root(Steps.SetJs("set", "total", "1.5 * 2")).Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.EntryOf("set").Inputs!["value"].Should().Be(3m);
    }
}
