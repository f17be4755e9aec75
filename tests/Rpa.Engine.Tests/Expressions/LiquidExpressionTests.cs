using System.Globalization;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Expressions;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Expressions;

public sealed class LiquidExpressionTests
{
    private static Task<RunResult> Render(string template, BotBuilder? bot = null, IReadOnlyDictionary<string, object?>? inputs = null) =>
        new BotTestHost().RunAsync(
            (bot ?? Bot.Define("liquid")).Output("text", DataType.Text).Root(Steps.Set("render", "text", InputValue.Liquid(template))).Build(),
            inputs);

    private static async Task<object?> Text(string template, BotBuilder? bot = null, IReadOnlyDictionary<string, object?>? inputs = null) =>
        (await Render(template, bot, inputs)).ShouldSucceed().Outputs["text"];

    [Fact]
    public async Task Liquid_renders_variables_and_bot_inputs()
    {
        var bot = Bot.Define("liquid").Input("customer", DataType.Text, required: true).Variable("amount", DataType.Number, 120.5m);

        var text = await Text("Dear {{ customer }}, you owe {{ amount }} EUR.", bot, new Dictionary<string, object?> { ["customer"] = "Acme" });

        text.Should().Be("Dear Acme, you owe 120.5 EUR.");
    }

    [Fact]
    public async Task Liquid_loops_over_lists()
    {
        var bot = Bot.Define("liquid").Variable("items", DataType.List, new List<object?> { "pens", "paper", "ink" });

        var text = await Text("{% for item in items %}{{ forloop.index }}. {{ item }}{% unless forloop.last %}, {% endunless %}{% endfor %}", bot);

        text.Should().Be("1. pens, 2. paper, 3. ink");
    }

    [Fact]
    public async Task Liquid_reads_object_properties_and_applies_filters()
    {
        var bot = Bot.Define("liquid").Variable("person", DataType.Object, new Dictionary<string, object?> { ["name"] = "ada", ["tags"] = new List<object?> { "x", "y" } });

        (await Text("{{ person.name | upcase }} ({{ person.tags | size }})", bot)).Should().Be("ADA (2)");
    }

    [Fact]
    public async Task Liquid_loops_over_table_rows_by_column_name()
    {
        var table = new Table(["Sku", "Qty"]);
        table.AddRow("A-1", 2m);
        table.AddRow("B-2", 5m);
        var bot = Bot.Define("liquid").Input("lines", DataType.Table, required: true);

        var text = await Text("{% for line in lines %}{{ line.Sku }}x{{ line.Qty }};{% endfor %}", bot, new Dictionary<string, object?> { ["lines"] = table });

        text.Should().Be("A-1x2;B-2x5;");
    }

    [Fact]
    public async Task Liquid_renders_numbers_and_dates_the_same_in_every_culture()
    {
        var bot = Bot.Define("liquid")
            .Variable("amount", DataType.Number, 1234.5m)
            .Variable("due", DataType.DateTime, "2025-03-01T00:00:00Z");
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            (await Text("{{ amount }} {{ due | date: '%Y-%m-%d' }}", bot)).Should().Be("1234.5 2025-03-01");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public async Task An_undefined_variable_in_Liquid_is_an_error_not_empty_text()
    {
        var result = await Render("Hello {{ custmer }}");

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("render");
        result.Error.Message.Should().Be("input 'value': Liquid error: Undefined variable 'custmer'");
    }

    [Fact]
    public async Task Variables_named_in_conditions_loops_and_filter_arguments_reach_the_template()
    {
        var bot = Bot.Define("liquid")
            .Variable("flag", DataType.Bool, true)
            .Variable("rows", DataType.List, new List<object?> { "a", "b" })
            .Variable("amount", DataType.Number, 2)
            .Variable("extra", DataType.Number, 3)
            .Variable("unused", DataType.List, Enumerable.Range(0, 1000).Cast<object?>().ToList());

        (await Text("{% if flag %}{% for r in rows %}{{ r }},{% endfor %}{{ amount | plus: extra }}{% endif %}", bot)).Should().Be("a,b,5");
    }

    [Fact]
    public async Task A_misspelt_field_of_an_object_in_Liquid_is_an_error_naming_the_field_and_its_object()
    {
        static BotBuilder Bot_() => Bot.Define("liquid").Variable("customer", DataType.Object, new Dictionary<string, object?> { ["name"] = "Ada", ["address"] = new Dictionary<string, object?> { ["city"] = "Graz" } });

        var result = await Render("Dear {{ customer.nmae }}", Bot_());
        var nested = await Render("{{ customer.address.ctiy }}", Bot_());

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("input 'value': Liquid error: 'customer' has no field 'nmae' (its fields: name, address)");
        nested.Error!.Message.Should().Be("input 'value': Liquid error: 'customer.address' has no field 'ctiy' (its fields: city)");
        (await Text("{{ customer.address.city }} {{ customer.name.size }} {{ 'customer.nmae' }}", Bot_())).Should().Be("Graz 3 customer.nmae");
    }

    [Fact]
    public async Task A_misspelt_field_of_a_loop_variable_in_Liquid_names_the_expression()
    {
        var bot = Bot.Define("liquid").Variable("lines", DataType.List, new List<object?> { new Dictionary<string, object?> { ["price"] = 2 } });

        var result = await Render("{% for line in lines %}{{ forloop.index }}: {{ line.prce }}{% endfor %}", bot);

        result.Error!.Message.Should().Be("input 'value': Liquid error: a field after a dot is not defined in 'line.prce'");
    }

    [Fact]
    public void A_Liquid_syntax_error_is_a_validation_problem_naming_the_activity_and_input()
    {
        var bot = Bot.Define("liquid")
            .Root(Bot.Activity<Log>("greet").Set(x => x.Message, InputValue.Liquid("Hello {{ name ")))
            .Build();

        var problem = new BotTestHost().Validate(bot).Problems.Should().ContainSingle().Subject;

        problem.ActivityId.Should().Be("greet");
        problem.Property.Should().Be("input 'message'");
        problem.Message.Should().StartWith("Liquid syntax error: End of tag '}}' was expected at (1:");
    }

    [Fact]
    public async Task Liquid_rendering_is_bounded_by_the_step_limit()
    {
        var compiled = new BotTestHost().Compiler.CompileOrThrow(Bot.Define("liquid")
            .Output("text", DataType.Text)
            .Root(Steps.Set("render", "text", InputValue.Liquid("{% for i in (1..100000) %}x{% endfor %}")))
            .Build());

        var result = await BotRunner.RunAsync(compiled, new RunOptions { Expressions = ExpressionOptions.Default with { LiquidMaxSteps = 100 } });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().StartWith("input 'value': Liquid error: ");
    }

    [Fact]
    public async Task Liquid_output_is_text_even_when_it_looks_like_a_number()
    {
        var bot = Bot.Define("liquid").Variable("n", DataType.Number, 7);

        (await Text("{{ n | plus: 1 }}", bot)).Should().Be("8");
    }

    [Fact]
    public void Liquid_templates_are_parsed_once_by_the_compiler()
    {
        var expression = ExpressionCompiler.CompileLiquid("Hi {{ name }}");

        expression.Source.Should().Be("Hi {{ name }}");
        expression.Language.Should().Be(ExpressionLanguage.Liquid);
        FluentActions.Invoking(() => ExpressionCompiler.CompileLiquid("{% if %}")).Should().Throw<ExpressionException>()
            .WithMessage("Liquid syntax error: *");
    }
}
