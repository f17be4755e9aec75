using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Execution;

public sealed class BotRunnerTests
{
    private static BotDefinition FailingBot() => Bot.Define("invoices")
        .Variable("note", DataType.Text)
        .Root(Bot.Flowchart("flow",
                Steps.Set("prepare", "note", "ok"),
                Bot.Sequence("checks", Steps.Fail("check", "the total does not match the lines")))
            .Connect("prepare", "checks"))
        .Build();

    [Fact]
    public async Task A_failing_activity_fails_the_run_with_its_id_type_path_and_message()
    {
        var result = await new BotTestHost().RunAsync(FailingBot());

        result.Status.Should().Be(RunStatus.Failed);
        result.Bot.Should().Be("invoices");
        result.Error!.ActivityId.Should().Be("check");
        result.Error.ActivityType.Should().Be("Fail");
        result.Error.Path.Should().Be("flow/checks/check");
        result.Error.Message.Should().Be("the total does not match the lines");
    }

    [Fact]
    public async Task The_error_message_names_the_bot_the_activity_and_the_reason()
    {
        var result = await new BotTestHost().RunAsync(FailingBot());

        result.ErrorMessage.Should().Be("Bot 'invoices' failed at activity 'check' (Fail, path flow/checks/check): the total does not match the lines");
    }

    [Fact]
    public async Task Every_composite_above_the_failure_is_faulted_with_the_same_error()
    {
        var result = await new BotTestHost().RunAsync(FailingBot());

        result.Journal.Entries.Select(e => (e.ActivityId, e.Status)).Should().Equal(
            ("flow", ActivityStatus.Faulted),
            ("prepare", ActivityStatus.Completed),
            ("checks", ActivityStatus.Faulted),
            ("check", ActivityStatus.Faulted));
        result.Journal.Entries.Where(e => e.Status == ActivityStatus.Faulted).Should().OnlyContain(e => e.Error == result.Error);
    }

    [Fact]
    public async Task An_unexpected_exception_is_reported_with_its_type_name()
    {
        var bot = Bot.Define("buggy").Root(Bot.Activity<ThrowUnexpected>("bug")).Build();

        var result = await new BotTestHost().Add<ThrowUnexpected>().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("InvalidOperationException: the activity has a bug");
        result.Error.ActivityType.Should().Be("ThrowUnexpected");
    }

    [Fact]
    public async Task A_successful_run_has_no_error_and_a_completed_journal()
    {
        var bot = Bot.Define("fine").Output("x", DataType.Number).Root(Steps.Set("set", "x", 1m)).Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Error.Should().BeNull();
        result.ErrorMessage.Should().BeNull();
        result.Journal.Entries.Should().OnlyContain(e => e.Status == ActivityStatus.Completed && e.EndedAt != null);
        result.Journal.Count.Should().Be(1);
    }

    [Fact]
    public async Task A_run_cancelled_before_it_starts_ends_as_cancelled()
    {
        var bot = Bot.Define("never").Root(Steps.Fail("fail", "never runs")).Build();
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();

        var result = await new BotTestHost().RunAsync(bot, cancellationToken: cancel.Token);

        result.Status.Should().Be(RunStatus.Cancelled);
        result.Journal.Entries.Should().BeEmpty();
    }

    [Fact]
    public async Task Text_inputs_are_converted_to_the_declared_types()
    {
        var bot = Bot.Define("inputs")
            .Input("amount", DataType.Number, required: true)
            .Input("urgent", DataType.Bool, required: true)
            .Input("due", DataType.DateTime, required: true)
            .Output("summary", DataType.Text)
            .Root(Steps.SetJs("sum", "summary", "`${amount * 2} ${urgent} ${due.getUTCFullYear()}`"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot, new Dictionary<string, object?>
        {
            ["amount"] = "1,250.50",
            ["urgent"] = "yes",
            ["due"] = "2025-03-01",
        })).ShouldSucceed();

        result.Outputs["summary"].Should().Be("2501 true 2025");
    }

    [Fact]
    public async Task Inputs_deserialized_from_a_JSON_request_are_converted_to_the_declared_types()
    {
        var bot = Bot.Define("api")
            .Input("amount", DataType.Number, required: true)
            .Input("urgent", DataType.Bool, required: true)
            .Input("lines", DataType.Table, required: true)
            .Output("summary", DataType.Text)
            .Root(Steps.SetJs("sum", "summary", "`${amount * 2} ${urgent} ${lines.length} ${lines[0].sku}`"))
            .Build();
        var inputs = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(
            """{ "amount": 21, "urgent": false, "lines": [ { "sku": "A-1" }, { "sku": "B-2" } ] }""")!;

        var result = (await new BotTestHost().RunAsync(bot, inputs)).ShouldSucceed();

        result.Outputs["summary"].Should().Be("42 false 2 A-1");
    }

    [Fact]
    public async Task Missing_and_unknown_inputs_stop_the_run_before_it_starts_with_every_problem()
    {
        var bot = Bot.Define("strict")
            .Input("amount", DataType.Number, required: true)
            .Input("count", DataType.Number)
            .Root(Bot.Sequence("main"))
            .Build();

        var act = () => new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["amout"] = 1, ["count"] = "many" });

        var error = (await act.Should().ThrowAsync<BotInputException>()).Which;
        error.Problems.Select(p => p.Property).Should().Equal("input 'amout'", "input 'amount'", "input 'count'");
        error.Message.Should().Be("Bot 'strict' cannot start: the bot has no input 'amout' (inputs: amount, count); "
            + "the input is required (number); expected number but got text 'many'");
    }

    [Fact]
    public async Task Input_defaults_apply_when_the_run_gives_no_value()
    {
        var bot = Bot.Define("defaults")
            .Input("greeting", DataType.Text, "hello")
            .Output("copy", DataType.Text)
            .Root(Steps.SetJs("copy", "copy", "greeting"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["copy"].Should().Be("hello");
    }

    [Fact]
    public async Task Secret_inputs_are_masked_in_the_journal_outputs_and_errors()
    {
        var bot = Bot.Define("secrets")
            .Input("password", DataType.Text, required: true, secret: true)
            .Output("echo", DataType.Text)
            .Root(Bot.Sequence("main",
                Steps.SetJs("echo", "echo", "'pw=' + password"),
                Bot.Activity<Fail>("fail").Set(x => x.Message, InputValue.Liquid("login refused for {{ password }}"))))
            .Build();

        var result = await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["password"] = "s3cr3t!" });

        result.Outputs["echo"].Should().Be("pw=***");
        result.EntryOf("echo").Inputs!["value"].Should().Be("pw=***");
        result.Error!.Message.Should().Be("login refused for ***");
    }

    [Fact]
    public async Task A_failure_outside_the_activities_that_quotes_a_secret_leaves_the_run_masked()
    {
        var bot = Bot.Define("secrets")
            .Input("password", DataType.Text, required: true, secret: true)
            .Root(Bot.Sequence("main", Steps.SetJs("echo", "x", "1")))
            .Variable("x", DataType.Number, 0)
            .Build();
        var compiled = new BotTestHost().Compiler.CompileOrThrow(bot);
        var options = new RunOptions { Observer = new FailingObserver("s3cr3t!"), Inputs = new Dictionary<string, object?> { ["password"] = "s3cr3t!" } };

        var run = () => BotRunner.RunAsync(compiled, options);

        var thrown = (await run.Should().ThrowAsync<MaskedException>()).Which;
        thrown.OriginalType.Should().Be(typeof(InvalidOperationException).FullName);
        thrown.Message.Should().Be("the store refused the entry of ***");
        thrown.ToString().Should().NotContain("s3cr3t!").And.Contain(nameof(FailingObserver), "the stack trace is kept");
    }

    private sealed class FailingObserver(string secret) : IRunObserver
    {
        public void ActivityStarted(JournalEntry entry) => throw new InvalidOperationException("the store refused the entry of " + secret);

        public void ActivityEnded(JournalEntry entry)
        {
        }
    }

    [Fact]
    public async Task The_same_compiled_bot_runs_many_times_independently()
    {
        var bot = Bot.Define("counter")
            .Input("start", DataType.Number, required: true)
            .Output("total", DataType.Number)
            .Variable("n", DataType.Number, 0)
            .Root(Bot.Sequence("main", Steps.SetJs("inc", "n", "n + 1"), Steps.SetJs("total", "total", "start + n")))
            .Build();
        var host = new BotTestHost();
        var compiled = host.Compiler.CompileOrThrow(bot);

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => host.RunAsync(compiled, new Dictionary<string, object?> { ["start"] = i * 10 })));

        results.Select(r => r.Outputs["total"]).Should().Equal(1m, 11m, 21m, 31m, 41m, 51m, 61m, 71m);
        results.Select(r => r.RunId).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task An_observer_sees_every_activity_start_and_end()
    {
        var observer = new RecordingObserver();
        var compiled = new BotTestHost().Compiler.CompileOrThrow(FailingBot());

        var result = await BotRunner.RunAsync(compiled, new RunOptions { Observer = observer, KeepJournal = false });

        result.Journal.Entries.Should().BeEmpty("the journal was not kept");
        observer.Events.Should().Equal(
            "start flow", "start prepare", "end prepare Completed", "start checks", "start check",
            "end check Faulted", "end checks Faulted", "end flow Faulted");
    }

    private sealed class RecordingObserver : IRunObserver
    {
        public List<string> Events { get; } = [];

        public void ActivityStarted(JournalEntry entry) => Events.Add($"start {entry.ActivityId}");

        public void ActivityEnded(JournalEntry entry) => Events.Add($"end {entry.ActivityId} {entry.Status}");
    }

    [Fact]
    public async Task Secrets_inside_table_cells_are_masked_in_the_journal()
    {
        var bot = Bot.Define("table-secret")
            .Input("password", DataType.Text, required: true, secret: true)
            .Variable("rows", DataType.Table)
            .Root(Bot.Sequence("main",
                Bot.Activity<Rpa.Engine.Activities.Primitives.SetVariable>("make")
                    .Set(x => x.Variable, "rows")
                    .Set(x => x.Value, InputValue.JavaScript("[{ user: 'ada', note: 'pw is ' + password }]")),
                Bot.Activity<Rpa.Engine.Activities.Primitives.SetVariable>("copy")
                    .Set(x => x.Variable, "rows")
                    .Set(x => x.Value, InputValue.JavaScript("rows"))))
            .Build();

        var result = await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["password"] = "hunter-2-secret" });

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var recorded = (Table)result.Journal.Entries.Single(e => e.ActivityId == "copy").Inputs!["value"]!;
        recorded.Rows[0]["note"].Should().Be("pw is ***");
    }
}
