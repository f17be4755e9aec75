using System.Diagnostics;
using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Expressions;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Expressions;

public sealed class JavaScriptSandboxTests
{
    private static BotDefinition Script(string script) =>
        Bot.Define("sandbox").Output("result", DataType.Any).Root(Steps.SetJs("eval", "result", script)).Build();

    private static Task<RunResult> Run(string script, ExpressionOptions? options = null) =>
        BotRunner.RunAsync(new BotTestHost().Compiler.CompileOrThrow(Script(script)), new RunOptions { Expressions = options ?? ExpressionOptions.Default });

    [Theory]
    [InlineData("System.IO.File.ReadAllText('/etc/passwd')", "System")]
    [InlineData("importNamespace('System.IO')", "importNamespace")]
    [InlineData("clrType('System.Environment')", "clrType")]
    [InlineData("require('fs')", "require")]
    public void Scripts_cannot_name_the_CLR_or_host_functions(string script, string name)
    {
        var problems = new BotTestHost().Validate(Script(script)).Problems;

        problems.Should().ContainSingle().Which.Message.Should().StartWith($"the expression uses '{name}', which is not a variable, input or output of the bot");
    }

    [Fact]
    public async Task Scripts_that_reach_for_the_CLR_indirectly_find_nothing()
    {
        (await Run("[globalThis.System, globalThis['importNamespace'], globalThis.clrType, typeof globalThis.host].join('|')")).ShouldSucceed()
            .Outputs["result"].Should().Be("|||undefined");

        var result = await Run("Function('return importNamespace')()('System.IO')");
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("input 'value': JavaScript error: importNamespace is not defined (in `Function('return importNamespace')()('System.IO')`)");
    }

    [Fact]
    public async Task CLR_objects_in_variables_reach_scripts_only_as_text()
    {
        var bot = Bot.Define("sandbox")
            .Input("site", DataType.Any, required: true)
            .Output("result", DataType.Any)
            .Root(Steps.SetJs("eval", "result", "typeof site + ':' + site"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["site"] = new Uri("https://example.com/") })).ShouldSucceed();

        result.Outputs["result"].Should().Be("string:https://example.com/");
    }

    [Fact]
    public async Task An_endless_loop_is_stopped_at_the_time_limit()
    {
        var watch = Stopwatch.StartNew();

        var result = await Run("while (true) { }", ExpressionOptions.Default with { JavaScriptMaxStatements = int.MaxValue });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("input 'value': the JavaScript expression ran longer than the 1 s limit and was stopped");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task With_the_default_limits_an_endless_loop_stops_with_a_clear_error()
    {
        var watch = Stopwatch.StartNew();

        var result = await Run("for (;;) { }");

        // Whichever default limit comes first on this machine: 1 s or 10,000,000 statements.
        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().BeOneOf(
            "input 'value': the JavaScript expression ran longer than the 1 s limit and was stopped",
            "input 'value': the JavaScript expression executed more than 10,000,000 statements and was stopped");
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task The_time_limit_comes_from_the_expression_options()
    {
        var result = await Run("for (;;) { }", ExpressionOptions.Default with { JavaScriptTimeout = TimeSpan.FromMilliseconds(100) });

        result.Error!.Message.Should().Be("input 'value': the JavaScript expression ran longer than the 100 ms limit and was stopped");
    }

    [Fact]
    public async Task Cancelling_the_run_stops_a_script_that_is_running()
    {
        var compiled = new BotTestHost().Compiler.CompileOrThrow(Script("while (true) { }"));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        var result = await BotRunner.RunAsync(compiled, new RunOptions { Expressions = ExpressionOptions.Default with { JavaScriptTimeout = TimeSpan.FromSeconds(30) } }, cancel.Token)
            .WaitAsync(TimeSpan.FromSeconds(10));

        result.Status.Should().Be(RunStatus.Cancelled);
    }

    [Fact]
    public async Task A_script_that_allocates_too_much_memory_is_stopped()
    {
        var result = await Run("new Array(20000000).fill(1).length", ExpressionOptions.Default with { JavaScriptTimeout = TimeSpan.FromMinutes(2), JavaScriptMaxStatements = int.MaxValue });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("input 'value': the JavaScript expression allocated more than 64 MB and was stopped");
    }

    [Theory]
    [InlineData("'x'.repeat(1e8).length")]
    [InlineData("'x'.repeat(1e8)")]
    public async Task One_statement_that_allocates_too_much_memory_is_stopped_too(string script)
    {
        var result = await Run(script);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("input 'value': the JavaScript expression allocated more than 64 MB and was stopped");
    }

    [Fact]
    public async Task A_script_under_the_memory_limit_runs()
    {
        (await Run("'x'.repeat(1e6).length")).ShouldSucceed().Outputs["result"].Should().Be(1_000_000m);
    }

    [Fact]
    public async Task Endless_recursion_is_stopped_at_the_recursion_limit()
    {
        var result = await Run("(function down(n) { return down(n + 1); })(0)");

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("input 'value': the JavaScript expression nested calls deeper than 200 and was stopped");
    }

    [Fact]
    public async Task A_script_that_runs_too_many_statements_is_stopped()
    {
        var result = await Run("let n = 0; for (let i = 0; i < 100000; i++) { n++; } n", ExpressionOptions.Default with { JavaScriptMaxStatements = 500 });

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("input 'value': the JavaScript expression executed more than 500 statements and was stopped");
    }

    [Fact]
    public async Task Every_evaluation_gets_the_full_budget_again()
    {
        var bot = Bot.Define("budget")
            .Output("total", DataType.Number)
            .Root(Bot.Sequence("main",
                Steps.Set("zero", "total", 0m),
                Bot.Activity<ForEach>("each")
                    .SetLiteral(x => x.Items, Enumerable.Range(1, 20).ToArray())
                    .Child(x => x.Body, Steps.SetJs("work", "total", "let n = 0; for (let i = 0; i < 50; i++) { n++; } total + n"))))
            .Build();

        var result = await BotRunner.RunAsync(new BotTestHost().Compiler.CompileOrThrow(bot), new RunOptions
        {
            Expressions = ExpressionOptions.Default with { JavaScriptMaxStatements = 500 },
        });

        result.ShouldSucceed().Outputs["total"].Should().Be(1000m, "20 evaluations of ~150 statements each stay under a 500-statement limit each");
    }

    [Fact]
    public async Task A_run_stays_usable_after_an_expression_hits_a_limit()
    {
        var bot = Bot.Define("recovers")
            .Output("result", DataType.Any)
            .Root(Bot.Activity<TryCatch>("guard")
                .Child(x => x.Try, Steps.SetJs("heavy", "result", "(function down(n) { return down(n + 1); })(0)"))
                .Child(x => x.Catch, Steps.SetJs("light", "result", "'recovered: ' + error.message.length")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["result"].Should().BeOfType<string>().Which.Should().StartWith("recovered: ");
    }
}
