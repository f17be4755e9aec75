using System.Text.Json.Nodes;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Execution;
using Rpa.Engine.Expressions;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Expressions;

public sealed class ExpressionCompilerTests
{
    [Fact]
    public async Task A_compiled_bot_keeps_the_expressions_it_parsed_and_never_reads_the_definition_again()
    {
        // The definition's inputs are a dictionary we still hold: changing it after compiling must not change the runs.
        var inputs = new Dictionary<string, InputValue>
        {
            ["variable"] = "result",
            ["value"] = InputValue.JavaScript("'parsed ' + 'once'"),
        };
        var bot = new BotDefinition
        {
            Name = "once",
            Outputs = [new ArgumentDefinition("result", DataType.Text)],
            Root = new ActivityDefinition("set", "SetVariable") { Inputs = inputs },
        };
        var host = new BotTestHost();
        var compiled = host.Compiler.CompileOrThrow(bot);

        inputs["value"] = InputValue.JavaScript("this is not JavaScript");
        var first = (await host.RunAsync(compiled)).ShouldSucceed();
        var second = (await host.RunAsync(compiled)).ShouldSucceed();

        first.Outputs["result"].Should().Be("parsed once");
        second.Outputs["result"].Should().Be("parsed once");
        compiled.Activities["set"].Should().BeOfType<SetVariable>().Which.Value.IsLiteral.Should().BeFalse();
    }

    [Fact]
    public void JavaScript_is_parsed_when_the_bot_is_compiled_so_syntax_errors_never_reach_a_run()
    {
        var bot = new BotDefinition
        {
            Name = "broken",
            Variables = [new VariableDefinition("total", DataType.Number)],
            Root = new ActivityDefinition("set", "SetVariable")
            {
                Inputs = new Dictionary<string, InputValue> { ["variable"] = "total", ["value"] = InputValue.JavaScript("total +") },
            },
        };

        var result = new BotTestHost().Validate(bot);

        result.IsValid.Should().BeFalse();
        result.Bot.Should().BeNull();
        var problem = result.Problems.Should().ContainSingle().Subject;
        problem.ActivityId.Should().Be("set");
        problem.Property.Should().Be("input 'value'");
        problem.Message.Should().StartWith("JavaScript syntax error: ");
    }

    [Fact]
    public void CompileJavaScript_lists_the_free_names_a_script_uses_but_not_JavaScript_globals()
    {
        var expression = ExpressionCompiler.CompileJavaScript("order.total + Math.max(discount, 0) + JSON.stringify(lines).length + parseInt(code)");

        expression.ReferencedNames.Should().BeEquivalentTo("order", "discount", "lines", "code");
        expression.Language.Should().Be(ExpressionLanguage.JavaScript);
        expression.Source.Should().Be("order.total + Math.max(discount, 0) + JSON.stringify(lines).length + parseInt(code)");
    }

    [Fact]
    public void CompileJavaScript_does_not_count_names_the_script_declares_itself()
    {
        var expression = ExpressionCompiler.CompileJavaScript("const rate = 0.2; items.map(x => x * rate)");

        expression.ReferencedNames.Should().Equal("items");
    }

    [Theory]
    [InlineData("", "the JavaScript expression is empty")]
    [InlineData("   ", "the JavaScript expression is empty")]
    [InlineData("1 +", "JavaScript syntax error: *")]
    [InlineData("{ a: }", "JavaScript syntax error: *")]
    [InlineData("1 } { 2", "JavaScript syntax error: *")]
    public void CompileJavaScript_rejects_scripts_that_do_not_parse(string script, string message)
    {
        FluentActions.Invoking(() => ExpressionCompiler.CompileJavaScript(script)).Should().Throw<ExpressionException>().WithMessage(message);
    }

    [Fact]
    public void A_script_ending_in_a_line_comment_still_parses()
    {
        ExpressionCompiler.CompileJavaScript("total * 2 // doubled").ReferencedNames.Should().Equal("total");
    }

    [Fact]
    public void Literals_are_converted_to_the_input_type_once_at_compile_time()
    {
        var literal = ExpressionCompiler.Compile(InputValue.FromLiteral(JsonValue.Create("12.5")), typeof(decimal));

        literal.Should().BeOfType<LiteralExpression>().Which.Value.Should().Be(12.5m);
        FluentActions.Invoking(() => ExpressionCompiler.Compile(InputValue.FromLiteral(JsonValue.Create("abc")), typeof(decimal)))
            .Should().Throw<ExpressionException>().WithMessage("expected number but got text 'abc'");
    }

    [Fact]
    public void A_literal_number_too_large_for_a_decimal_is_an_expression_error_not_a_crash()
    {
        // Regression: 1e400 threw OverflowException out of the compiler instead of becoming a validation problem.
        var literal = InputValue.FromLiteral(JsonNode.Parse("1e400"));

        FluentActions.Invoking(() => ExpressionCompiler.Compile(literal, typeof(decimal)))
            .Should().Throw<ExpressionException>().WithMessage("the number 1e400 is too large for a number a bot can use");
    }
}
