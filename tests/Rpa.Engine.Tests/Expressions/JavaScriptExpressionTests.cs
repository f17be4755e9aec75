using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Expressions;

public sealed class JavaScriptExpressionTests
{
    /// <summary>Runs a bot that stores <paramref name="script"/>'s value in an output of type any.</summary>
    private static Task<RunResult> Evaluate(string script, BotBuilder? bot = null, IReadOnlyDictionary<string, object?>? inputs = null) =>
        new BotTestHost().RunAsync(
            (bot ?? Bot.Define("js")).Output("result", DataType.Any).Root(Steps.SetJs("eval", "result", script)).Build(),
            inputs);

    private static async Task<object?> Value(string script, BotBuilder? bot = null, IReadOnlyDictionary<string, object?>? inputs = null) =>
        (await Evaluate(script, bot, inputs)).ShouldSucceed().Outputs["result"];

    [Fact]
    public async Task JavaScript_reads_variables_and_bot_inputs()
    {
        var bot = Bot.Define("js")
            .Input("customer", DataType.Text, required: true)
            .Variable("discount", DataType.Number, 0.1m);

        var value = await Value("customer.toUpperCase() + ' gets ' + discount * 100 + '%'", bot, new Dictionary<string, object?> { ["customer"] = "acme" });

        value.Should().Be("ACME gets 10%");
    }

    [Fact]
    public async Task JavaScript_numbers_come_back_as_decimals()
    {
        var bot = Bot.Define("js").Variable("price", DataType.Number, 19.99m).Variable("quantity", DataType.Number, 3);

        var value = await Value("price * quantity", bot);

        value.Should().BeOfType<decimal>().Which.Should().Be(59.97m);
        (await Value("0.1 + 0.2")).Should().Be(0.3m);
        (await Value("7")).Should().BeOfType<decimal>();
    }

    [Fact]
    public async Task JavaScript_objects_and_arrays_come_back_as_dictionaries_and_lists()
    {
        var value = await Value("({ name: 'Ada', total: 2.5, tags: ['vip', 1, true, null], address: { city: 'Leeds' } })");

        var obj = value.Should().BeOfType<Dictionary<string, object?>>().Subject;
        obj["name"].Should().Be("Ada");
        obj["total"].Should().Be(2.5m);
        obj["tags"].Should().BeOfType<List<object?>>().Which.Should().Equal("vip", 1m, true, null);
        obj["address"].Should().BeOfType<Dictionary<string, object?>>().Which["city"].Should().Be("Leeds");
    }

    [Fact]
    public async Task JavaScript_reads_a_leading_brace_as_an_object_literal()
    {
        (await Value("{ a: 1 + 1 }")).Should().BeEquivalentTo(new Dictionary<string, object?> { ["a"] = 2m });
    }

    [Fact]
    public async Task JavaScript_reads_a_leading_brace_as_a_block_when_it_is_not_an_object()
    {
        (await Value("{ let x = 2; x * 3 }")).Should().Be(6m);
    }

    [Fact]
    public async Task JavaScript_gets_objects_and_lists_from_variables_as_plain_values()
    {
        var bot = Bot.Define("js")
            .Variable("order", DataType.Object, new Dictionary<string, object?> { ["lines"] = new List<object?> { 2, 3 }, ["id"] = "A-1" });

        (await Value("order.id + ':' + order.lines.map(l => l * 10).join('+')", bot)).Should().Be("A-1:20+30");
    }

    [Fact]
    public async Task JavaScript_dates_come_back_as_utc_DateTimeOffset()
    {
        (await Value("new Date(Date.UTC(2025, 0, 31, 12, 30))")).Should().Be(new DateTimeOffset(2025, 1, 31, 12, 30, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task JavaScript_sees_datetime_variables_as_dates()
    {
        var bot = Bot.Define("js").Variable("due", DataType.DateTime, "2025-03-01T08:00:00Z");

        (await Value("due.getUTCMonth() + 1", bot)).Should().Be(3m);
    }

    [Fact]
    public async Task A_date_changed_in_place_by_one_expression_is_the_variables_value_again_in_the_next()
    {
        // The usual way to add days in JavaScript changes the Date itself; the bot's variable must not follow.
        var bot = Bot.Define("js")
            .Variable("due", DataType.DateTime, "2025-03-01T08:00:00Z")
            .Output("later", DataType.DateTime)
            .Output("month", DataType.Number)
            .Root(Bot.Sequence("main",
                Steps.SetJs("later", "later", "due.setUTCDate(due.getUTCDate() + 31); due"),
                Steps.SetJs("month", "month", "due.getUTCMonth() + 1")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["later"].Should().Be(new DateTimeOffset(2025, 4, 1, 8, 0, 0, TimeSpan.Zero));
        result.Outputs["month"].Should().Be(3m, "the variable still holds 1 March");
    }

    [Fact]
    public async Task JavaScript_undefined_and_null_come_back_as_null()
    {
        (await Value("undefined")).Should().BeNull();
        (await Value("null")).Should().BeNull();
    }

    [Fact]
    public async Task JavaScript_sees_the_latest_value_of_a_variable_after_it_changes()
    {
        var bot = Bot.Define("js")
            .Output("trail", DataType.Text)
            .Variable("n", DataType.Number, 1)
            .Root(Bot.Sequence("main",
                Steps.SetJs("first", "trail", "'' + n"),
                Steps.SetJs("change", "n", "n + 1"),
                Steps.SetJs("second", "trail", "trail + n")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["trail"].Should().Be("12");
    }

    [Fact]
    public async Task Assigning_to_a_variable_inside_JavaScript_fails_and_leaves_it_unchanged()
    {
        var bot = Bot.Define("js")
            .Output("total", DataType.Number)
            .Variable("other", DataType.Number)
            .Root(Bot.Sequence("main",
                Steps.Set("init", "total", 5m),
                Steps.SetJs("sneaky", "other", "total = 99")))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("sneaky");
        result.Error.Message.Should().Be("input 'value': JavaScript error: TypeError (in `total = 99`)");
        result.Outputs["total"].Should().Be(5m);
    }

    [Fact]
    public async Task JavaScript_declarations_do_not_survive_into_the_next_evaluation()
    {
        // Regression: top-level let/const/class stayed declared in the run's engine, so evaluating the same
        // expression again (in a loop) failed with "Identifier 'doubled' has already been declared".
        var bot = Bot.Define("js")
            .Output("total", DataType.Number)
            .Root(Bot.Sequence("main",
                Steps.Set("zero", "total", 0m),
                Bot.Activity<ForEach>("each")
                    .SetLiteral(x => x.Items, new[] { 1, 2, 3 })
                    .Child(x => x.Body, Steps.SetJs("add", "total", "const doubled = item * 2; class Box { } let t = total; t + doubled"))))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["total"].Should().Be(12m);
    }

    [Fact]
    public async Task Lists_and_objects_in_variables_cannot_be_changed_in_place_by_a_script()
    {
        // Regression: the engine keeps a published value between evaluations, so items.sort() reordered the list that
        // later scripts saw, while the bot's variable (and Liquid) kept the original order.
        var bot = Bot.Define("js")
            .Variable("items", DataType.List, new List<object?> { 3, 1, 2 })
            .Variable("order", DataType.Object, new Dictionary<string, object?> { ["id"] = "A-1" })
            .Output("result", DataType.Any)
            .Output("first", DataType.Any);

        foreach (var script in new[] { "items.sort()", "items.push(4)", "order.id = 'B-2'", "order.extra = 1", "delete order.id" })
        {
            var result = await new BotTestHost().RunAsync(bot.Root(Bot.Sequence("main",
                Bot.Activity<TryCatch>("try").Child(x => x.Try, Steps.SetJs("mutate", "result", script)),
                Steps.SetJs("first", "first", "items[0] + order.id"))).Build());

            result.ShouldSucceed().EntryOf("mutate").Error!.Message.Should().StartWith("input 'value': JavaScript error: ", script);
            result.Outputs["first"].Should().Be("3A-1", script);
        }
    }

    [Fact]
    public async Task A_script_that_replaces_Object_freeze_cannot_unfreeze_later_variables()
    {
        var bot = Bot.Define("js")
            .Variable("items", DataType.List, new List<object?> { 1 })
            .Variable("scratch", DataType.Any)
            .Root(Bot.Sequence("main",
                Steps.SetJs("tamper", "scratch", "Object.freeze = v => v; 1"),
                Steps.SetJs("change", "items", "[2, 3]"),
                Bot.Activity<TryCatch>("try").Child(x => x.Try, Steps.SetJs("mutate", "scratch", "items.push(4)")),
                Steps.SetJs("read", "scratch", "items.length")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.EntryOf("mutate").Error.Should().NotBeNull();
        result.EntryOf("read").Inputs!["value"].Should().Be(2m);
    }

    [Fact]
    public async Task Scripts_work_on_copies_of_lists_and_objects_freely()
    {
        static BotBuilder Fresh() => Bot.Define("js")
            .Variable("items", DataType.List, new List<object?> { 3, 1, 2 })
            .Variable("order", DataType.Object, new Dictionary<string, object?> { ["id"] = "A-1" });

        (await Value("[...items].sort().concat(items.slice().reverse()).join('')", Fresh())).Should().Be("123213");
        (await Value("({ ...order, lines: items.length })", Fresh())).Should().BeEquivalentTo(new Dictionary<string, object?> { ["id"] = "A-1", ["lines"] = 3m });
        (await Value("JSON.stringify(order) + Object.keys(order).length", Fresh())).Should().Be("""{"id":"A-1"}1""");
    }

    [Theory]
    [InlineData("0 / 0", "input 'value': the expression returned NaN, which is not a number a bot can use")]
    [InlineData("1 / 0", "input 'value': the expression returned Infinity, which is not a number a bot can use")]
    [InlineData("(() => 1)", "input 'value': the expression returned a function; call it to get a value")]
    [InlineData("1e30", "input 'value': the expression returned 1E+30, which is too large for a number a bot can use")]
    [InlineData("throw new Error('custom failure')", "input 'value': JavaScript error: custom failure (in `throw new Error('custom failure')`)")]
    public async Task JavaScript_results_a_bot_cannot_use_fail_with_a_clear_message(string script, string message)
    {
        var result = await Evaluate(script);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be(message);
    }

    [Fact]
    public async Task JavaScript_errors_show_a_shortened_source()
    {
        var script = "null.x + '" + new string('a', 100) + "'";

        var result = await Evaluate(script);

        result.Error!.Message.Should().EndWith($"(in `{script[..77]}...`)");
    }
}
