using System.Text.Json.Nodes;
using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Model;
using Rpa.Engine.Serialization;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Validation;

public sealed class BotCompilerTests
{
    private static IReadOnlyList<ValidationProblem> Problems(BotDefinition bot) => new BotTestHost().Validate(bot).Problems;

    private static BotDefinition WithRoot(IActivityBuilder root) => Bot.Define("checked").Root(root).Build();

    private static BotDefinition WithRoot(ActivityDefinition root) => new() { Name = "checked", Root = root };

    [Fact]
    public void A_valid_bot_compiles_with_every_activity_by_id()
    {
        var result = new BotTestHost().Validate(Bot.Define("ok")
            .Variable("n", DataType.Number, 0)
            .Root(Bot.Sequence("main", Steps.SetJs("inc", "n", "n + 1"), Steps.Delay("pause", 0)))
            .Build());

        result.IsValid.Should().BeTrue();
        result.Problems.Should().BeEmpty();
        result.Bot!.Activities.Keys.Should().BeEquivalentTo("main", "inc", "pause");
        result.Bot.Root.Should().BeSameAs(result.Bot.Activities["main"]);
    }

    [Fact]
    public void An_unknown_activity_type_is_reported_with_a_did_you_mean_suggestion()
    {
        Problems(WithRoot(new ActivityDefinition("main", "Sequense"))).Should().Equal(
            new ValidationProblem("main", "type", "unknown activity type 'Sequense'; did you mean 'Sequence'?"));
    }

    [Fact]
    public void An_unknown_activity_type_without_a_close_match_points_to_the_activity_list()
    {
        Problems(WithRoot(new ActivityDefinition("main", "LaunchRocket"))).Should().Equal(
            new ValidationProblem("main", "type", "unknown activity type 'LaunchRocket'; run `rpa activities` to list the known types"));
    }

    [Fact]
    public void The_children_of_an_unknown_activity_are_still_checked()
    {
        var root = new ActivityDefinition("main", "Sequens")
        {
            Slots = new Dictionary<string, ActivitySlot> { ["activities"] = ActivitySlot.List(new ActivityDefinition("child", "Dealy")) },
        };

        Problems(WithRoot(root)).Select(p => (p.ActivityId, p.Message)).Should().Equal(
            ("main", "unknown activity type 'Sequens'; did you mean 'Sequence'?"),
            ("child", "unknown activity type 'Dealy'; did you mean 'Delay'?"));
    }

    [Fact]
    public void A_missing_required_input_is_reported_with_its_type_and_description()
    {
        Problems(WithRoot(Bot.Activity<Log>("say"))).Should().Equal(
            new ValidationProblem("say", "input 'message'", "the input is required (text): The message, often a Liquid template such as `Processed {{ count }} rows`."));
    }

    [Fact]
    public void A_literal_of_the_wrong_type_is_reported()
    {
        Problems(WithRoot(Bot.Activity<Delay>("pause").Set(x => x.Seconds, "abc"))).Should().Equal(
            new ValidationProblem("pause", "input 'seconds'", "the value does not fit the type number: expected number but got text 'abc'"));
    }

    [Fact]
    public void A_literal_number_too_large_for_a_decimal_is_reported_not_thrown()
    {
        // Regression: the OverflowException escaped from BotCompiler.Compile.
        var bot = BotJson.Parse("""{ "name": "huge", "root": { "id": "pause", "type": "Delay", "inputs": { "seconds": 1e400 } } }""");

        Problems(bot).Should().Equal(new ValidationProblem("pause", "input 'seconds'",
            "the value does not fit the type number: the number 1e400 is too large for a number a bot can use"));
    }

    [Theory]
    [InlineData("js", "total +", "JavaScript syntax error: ")]
    [InlineData("liquid", "{% for x in %}", "Liquid syntax error: ")]
    public void An_expression_syntax_error_is_reported_with_the_activity_and_input(string language, string script, string prefix)
    {
        var value = language == "js" ? InputValue.JavaScript(script) : InputValue.Liquid(script);
        var bot = Bot.Define("syntax").Variable("total", DataType.Any).Root(Steps.Set("set", "total", value)).Build();

        var problem = Problems(bot).Should().ContainSingle().Subject;

        problem.ActivityId.Should().Be("set");
        problem.Property.Should().Be("input 'value'");
        problem.Message.Should().StartWith(prefix);
    }

    [Fact]
    public void A_connection_to_or_from_an_unknown_node_is_reported()
    {
        var bot = WithRoot(Bot.Flowchart("flow", Steps.Delay("a", 0), Steps.Delay("b", 0))
            .Connect("a", "c")
            .Connect("x", "b"));

        Problems(bot).Should().Equal(
            new ValidationProblem("flow", "connection a --Done--> c", "'c' is not an activity of this flowchart (activities: a, b)"),
            new ValidationProblem("flow", "connection x --Done--> b", "'x' is not an activity of this flowchart (activities: a, b)"));
    }

    [Fact]
    public void A_connection_from_an_outcome_the_activity_does_not_have_is_reported()
    {
        var bot = WithRoot(Bot.Flowchart("flow", Steps.If("check", "true"), Steps.Delay("next", 0))
            .Connect("check", "Yes", "next"));

        Problems(bot).Should().Equal(
            new ValidationProblem("flow", "connection check --Yes--> next", "'check' (If) has no outcome 'Yes' (outcomes: True, False)"));
    }

    [Fact]
    public void A_connection_cannot_reach_into_a_nested_composite()
    {
        var bot = WithRoot(Bot.Flowchart("flow", Bot.Sequence("group", Steps.Delay("inner", 0)), Steps.Delay("outer", 0))
            .Connect("outer", "inner"));

        Problems(bot).Should().ContainSingle().Which.Message.Should().Be("'inner' is not an activity of this flowchart (activities: group, outer)");
    }

    [Fact]
    public void An_unknown_start_activity_is_reported()
    {
        Problems(WithRoot(Bot.Flowchart("flow", Steps.Delay("a", 0)).Start("b"))).Should().Equal(
            new ValidationProblem("flow", "start", "the start activity 'b' is not an activity of this flowchart"));
    }

    [Fact]
    public void Connections_on_an_activity_that_is_not_a_flowchart_are_reported()
    {
        Problems(WithRoot(Bot.Sequence("main", Steps.Delay("a", 0), Steps.Delay("b", 0)).Connect("a", "b"))).Should().Equal(
            new ValidationProblem("main", "connections", "only a Flowchart has connections; Sequence runs its children itself"));
    }

    [Fact]
    public void Duplicate_activity_ids_are_reported_once_per_id()
    {
        var bot = WithRoot(Bot.Sequence("main", Steps.Delay("wait", 0), Bot.Sequence("inner", Steps.Delay("wait", 1)), Steps.Delay("wait", 2)));

        Problems(bot).Should().Equal(
            new ValidationProblem("wait", "id", "the id 'wait' is used by 3 activities; ids must be unique in a bot"));
    }

    [Theory]
    [InlineData("has space")]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("a>b")]
    public void An_activity_id_that_would_break_paths_is_reported(string id)
    {
        Problems(WithRoot(Steps.Delay(id, 0))).Should().ContainSingle().Which.Should().Be(
            new ValidationProblem(id, "id", $"'{id}' is not a valid activity id: use letters, digits, '_', '-' and '.'"));
    }

    [Fact]
    public void An_unknown_variable_in_a_JavaScript_expression_is_reported_with_the_names_in_scope()
    {
        var bot = Bot.Define("typo")
            .Input("amount", DataType.Number)
            .Variable("total", DataType.Number)
            .Root(Steps.SetJs("set", "total", "amout * 2"))
            .Build();

        Problems(bot).Should().Equal(new ValidationProblem("set", "input 'value'",
            "the expression uses 'amout', which is not a variable, input or output of the bot (in scope: amount, total)"));
    }

    [Fact]
    public void An_unknown_variable_in_SetVariable_is_reported()
    {
        var bot = Bot.Define("typo").Variable("total", DataType.Number).Root(Steps.Set("set", "totl", 1m)).Build();

        Problems(bot).Should().Equal(new ValidationProblem("set", "input 'variable'", "'totl' is not a variable or output of the bot (in scope: total)"));
    }

    [Fact]
    public void An_output_bound_to_an_unknown_variable_is_reported()
    {
        var bot = Bot.Define("typo")
            .Variable("reply", DataType.Object)
            .Root(Bot.Activity<RunBot>("call").Set(x => x.Bot, "other").Output(x => x.Result, "replly"))
            .Build();

        Problems(bot).Should().Equal(new ValidationProblem("call", "output 'result'",
            "the output goes to 'replly', which is not a variable or output of the bot (in scope: reply)"));
    }

    [Fact]
    public void An_output_bound_to_a_bot_input_is_reported()
    {
        var bot = Bot.Define("read-only")
            .Input("reply", DataType.Object)
            .Root(Bot.Activity<RunBot>("call").Set(x => x.Bot, "other").Output(x => x.Result, "reply"))
            .Build();

        Problems(bot).Should().Equal(new ValidationProblem("call", "output 'result'", "'reply' is a bot input and cannot receive an output"));
    }

    [Fact]
    public void An_output_bound_to_a_variable_of_another_type_is_reported()
    {
        var bot = Bot.Define("types")
            .Variable("count", DataType.Number)
            .Root(Bot.Activity<RunBot>("call").Set(x => x.Bot, "other").Output(x => x.Result, "count"))
            .Build();

        Problems(bot).Should().Equal(new ValidationProblem("call", "output 'result'", "the output is object but the variable 'count' is number"));
    }

    [Fact]
    public void An_unknown_output_name_is_reported_with_the_known_outputs()
    {
        var root = new ActivityDefinition("call", "RunBot")
        {
            Inputs = new Dictionary<string, InputValue> { ["bot"] = "other" },
            Outputs = new Dictionary<string, string> { ["results"] = "reply" },
        };

        Problems(new BotDefinition { Name = "typo", Variables = [new VariableDefinition("reply", DataType.Object)], Root = root }).Should().Equal(
            new ValidationProblem("call", "output 'results'", "RunBot has no output 'results' (outputs: result)"));
    }

    [Fact]
    public void An_unknown_input_name_is_reported_with_the_known_inputs()
    {
        var root = new ActivityDefinition("say", "Log")
        {
            Inputs = new Dictionary<string, InputValue> { ["message"] = "hi", ["mesage"] = "typo", ["colour"] = "red" },
        };

        Problems(WithRoot(root)).Should().Equal(
            new ValidationProblem("say", "input 'mesage'", "Log has no input 'mesage' (inputs: message, level)"),
            new ValidationProblem("say", "input 'colour'", "Log has no input 'colour' (inputs: message, level)"));
    }

    [Fact]
    public void An_expression_for_a_literal_only_input_is_reported()
    {
        var bot = WithRoot(Bot.Activity<ForEach>("each").SetLiteral(x => x.Items, new[] { 1 }).Set(x => x.ItemVariable, InputValue.JavaScript("'x'")));

        Problems(bot).Should().Equal(new ValidationProblem("each", "input 'itemVariable'", "the input must be a literal value, not a JavaScript expression"));
    }

    [Fact]
    public void An_unknown_slot_and_a_slot_of_the_wrong_kind_are_reported()
    {
        var root = new ActivityDefinition("check", "If")
        {
            Inputs = new Dictionary<string, InputValue> { ["condition"] = true },
            Slots = new Dictionary<string, ActivitySlot>
            {
                ["then"] = ActivitySlot.List(new ActivityDefinition("a", "Sequence")),
                ["otherwise"] = ActivitySlot.Single(new ActivityDefinition("b", "Sequence")),
            },
        };

        Problems(WithRoot(root)).Should().Equal(
            new ValidationProblem("check", "then", "'then' holds exactly one activity (a JSON object)"),
            new ValidationProblem("check", "otherwise", "If has no slot 'otherwise' for child activities (slots: then, else)"));
    }

    [Fact]
    public void Bad_bot_level_names_types_and_defaults_are_reported()
    {
        var bot = new BotDefinition
        {
            Name = " ",
            Version = 0,
            Inputs = [new ArgumentDefinition("class", DataType.Text), new ArgumentDefinition("limit", DataType.Number) { Default = JsonValue.Create("lots") }],
            Outputs = [new ArgumentDefinition("limit", DataType.Number)],
            Variables = [new VariableDefinition("2fast", DataType.Text), new VariableDefinition("when", DataType.DateTime) { Value = JsonValue.Create("not a date") }],
            Root = new ActivityDefinition("main", "Sequence"),
        };

        Problems(bot).Should().Equal(
            new ValidationProblem(null, "name", "the bot needs a name"),
            new ValidationProblem(null, "version", "the version must be 1 or more, not 0"),
            new ValidationProblem(null, "inputs", "'class' is not a valid name: use letters, digits and _ (not starting with a digit), and no JavaScript keyword"),
            new ValidationProblem(null, "input 'limit'", "the default does not fit the type number: expected number but got text 'lots'"),
            new ValidationProblem(null, "outputs", "the name 'limit' is declared twice (inputs, outputs and variables share one namespace)"),
            new ValidationProblem(null, "variables", "'2fast' is not a valid name: use letters, digits and _ (not starting with a digit), and no JavaScript keyword"),
            new ValidationProblem(null, "variable 'when'", "the initial value does not fit the type datetime: expected datetime but got text 'not a date'"));
    }

    [Fact]
    public void One_bot_with_many_problems_reports_all_of_them_at_once()
    {
        var bot = Bot.Define("many")
            .Input("limit", DataType.Number)
            .Variable("total", DataType.Number)
            .Root(Bot.Flowchart("flow",
                    Bot.Activity<Log>("say"),
                    Steps.Delay("pause", -5),
                    Steps.SetJs("sum", "total", "totl + 1"),
                    Steps.Set("overwrite", "limit", 1m),
                    Steps.Delay("pause", 1),
                    Bot.Activity<Delay>("bad").Set(x => x.Seconds, "soon"),
                    Bot.Activity<Log>("typo").Set(x => x.Message, InputValue.JavaScript("'a' +")),
                    new ActivityBuilderStub(new ActivityDefinition("odd", "Sleep")))
                .Connect("say", "Maybe", "sum")
                .Connect("sum", "nowhere"))
            .Build();

        var result = new BotTestHost().Validate(bot);

        result.IsValid.Should().BeFalse();
        result.Bot.Should().BeNull();
        result.Problems.Select(p => (p.ActivityId, p.Property)).Should().BeEquivalentTo(new (string?, string?)[]
        {
            ("pause", "id"),
            ("say", "input 'message'"),
            ("pause", null),
            ("sum", "input 'value'"),
            ("overwrite", "input 'variable'"),
            ("bad", "input 'seconds'"),
            ("typo", "input 'message'"),
            ("odd", "type"),
            ("flow", "connection say --Maybe--> sum"),
            ("flow", "connection sum --Done--> nowhere"),
        });
        result.Problems.Should().OnlyContain(p => p.Message.Length > 0);
        FluentActions.Invoking(() => new BotTestHost().Compiler.CompileOrThrow(bot)).Should().Throw<BotValidationException>()
            .Which.Message.Should().StartWith("Bot 'many' is not valid (10 problems):").And.Contain("  - activity 'odd', type: unknown activity type 'Sleep'");
    }

    [Fact]
    public void Validation_problems_read_as_a_place_and_a_reason()
    {
        new ValidationProblem("say", "input 'message'", "is required").ToString().Should().Be("activity 'say', input 'message': is required");
        new ValidationProblem("say", null, "bad").ToString().Should().Be("activity 'say': bad");
        new ValidationProblem(null, "name", "missing").ToString().Should().Be("name: missing");
        new ValidationProblem(null, null, "broken").ToString().Should().Be("bot: broken");
    }

    private sealed class ActivityBuilderStub(ActivityDefinition definition) : IActivityBuilder
    {
        public ActivityDefinition Build() => definition;
    }
}
