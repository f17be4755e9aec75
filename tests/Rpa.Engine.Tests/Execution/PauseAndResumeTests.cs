using Rpa.Engine.Activities.HumanTasks;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Serialization;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;

namespace Rpa.Engine.Tests.Execution;

public sealed class PauseAndResumeTests
{
    private const string PayrollLikeBot = """
        {
          "format": 1, "name": "pay",
          "inputs": [ { "name": "month", "type": "text", "default": "2026-11" } ],
          "outputs": [ { "name": "result", "type": "text" } ],
          "variables": [ { "name": "total", "type": "number", "value": 0 }, { "name": "sent", "type": "number", "value": 0 } ],
          "root": {
            "id": "flow", "type": "Flowchart",
            "activities": [
              { "id": "sum", "type": "SetVariable", "inputs": { "variable": "total", "value": { "js": "1234.5" } } },
              { "id": "register", "type": "RecordSideEffect", "inputs": { "text": { "liquid": "register {{ month }} {{ total }}" } }, "outputs": { "count": "sent" } },
              { "id": "approve", "type": "WaitForApproval", "inputs": { "title": { "liquid": "Pay {{ total }} for {{ month }}" }, "details": "see the register" },
                "outputs": { "comment": "result" } },
              { "id": "pay", "type": "RecordSideEffect", "inputs": { "text": { "js": "`pay ${month} ${total} after ${sent}`" } } },
              { "id": "rejected", "type": "SetVariable", "inputs": { "variable": "result", "value": "rejected" } }
            ],
            "connections": [
              { "from": "sum", "to": "register" },
              { "from": "register", "to": "approve" },
              { "from": "approve", "outcome": "Approved", "to": "pay" },
              { "from": "approve", "outcome": "Rejected", "to": "rejected" }
            ]
          }
        }
        """;

    private readonly SideEffectLog _effects = new();

    private BotTestHost Host() => new BotTestHost { Services = new ServiceBag(_effects) }.Add<RecordSideEffect>();

    private static CompiledBot Compile(BotTestHost host, string json) => host.Compiler.CompileOrThrow(BotJson.Parse(json));

    [Fact]
    public async Task A_run_pauses_at_wait_for_approval_with_a_bookmark_that_carries_the_title()
    {
        var host = Host();
        var result = await host.RunAsync(Compile(host, PayrollLikeBot));

        result.Status.Should().Be(RunStatus.Waiting);
        result.Bookmark!.Name.Should().Be("approval");
        result.Bookmark.ActivityId.Should().Be("approve");
        result.Bookmark.Payload["title"]!.GetValue<string>().Should().Be("Pay 1234.5 for 2026-11");
        result.EntryOf("approve").Status.Should().Be(ActivityStatus.Suspended);
        result.EntryOf("flow").Status.Should().Be(ActivityStatus.Suspended);
        _effects.Effects.Should().Equal("register 2026-11 1234.5");
    }

    [Fact]
    public async Task Approving_resumes_after_the_wait_without_doing_the_earlier_work_again()
    {
        var host = Host();
        var bot = Compile(host, PayrollLikeBot);
        var paused = await host.RunAsync(bot);

        var resumed = await host.ResumeAsync(bot, paused, WaitForApproval.Answer(true, "fine", "ann"));

        resumed.Status.Should().Be(RunStatus.Succeeded);
        _effects.Effects.Should().Equal("register 2026-11 1234.5", "pay 2026-11 1234.5 after 1");
        resumed.Outputs["result"].Should().Be("fine");
        resumed.EntryOf("approve").Outcome.Should().Be("Approved");
        resumed.EntryOf("approve").Outputs!["decidedBy"].Should().Be("ann");
        resumed.Journal.Entries.Select(e => e.ActivityId).Should().NotContain(["sum", "register"], "finished activities are replayed, not journaled again");
    }

    [Fact]
    public async Task Rejecting_follows_the_rejected_outcome()
    {
        var host = Host();
        var bot = Compile(host, PayrollLikeBot);
        var paused = await host.RunAsync(bot);

        var resumed = await host.ResumeAsync(bot, paused, WaitForApproval.Answer(false, null, "bob"));

        resumed.Status.Should().Be(RunStatus.Succeeded);
        resumed.Outputs["result"].Should().Be("rejected");
        _effects.Effects.Should().Equal("register 2026-11 1234.5");
    }

    [Fact]
    public async Task The_resumed_journal_continues_the_sequence_numbers()
    {
        var host = Host();
        var bot = Compile(host, PayrollLikeBot);
        var paused = await host.RunAsync(bot);

        var resumed = await host.ResumeAsync(bot, paused, WaitForApproval.Answer(true, null, "ann"));

        var last = paused.Journal.Entries.Max(e => e.Sequence);
        resumed.Journal.Entries.Should().OnlyContain(e => e.Sequence > last);
        paused.Paused!.NextSequence.Should().Be(last + 1);
    }

    [Fact]
    public async Task A_wait_inside_a_loop_resumes_in_the_same_iteration_with_the_loop_state()
    {
        const string json = """
            {
              "format": 1, "name": "loop",
              "variables": [ { "name": "items", "type": "list", "value": ["a", "b", "c"] }, { "name": "done", "type": "text", "value": "" } ],
              "root": { "id": "each", "type": "ForEach", "inputs": { "items": { "js": "items" } },
                "body": { "id": "body", "type": "Sequence", "activities": [
                  { "id": "note", "type": "RecordSideEffect", "inputs": { "text": { "js": "'before ' + item" } } },
                  { "id": "gate", "type": "If", "inputs": { "condition": { "js": "item === 'b'" } },
                    "then": { "id": "ask", "type": "WaitForApproval", "inputs": { "title": { "js": "'ok ' + item + '?'" } } } },
                  { "id": "append", "type": "SetVariable", "inputs": { "variable": "done", "value": { "js": "done + item" } } }
                ] } }
            }
            """;
        var host = Host();
        var bot = Compile(host, json);
        var paused = await host.RunAsync(bot);
        paused.Status.Should().Be(RunStatus.Waiting);
        paused.Bookmark!.Payload["title"]!.GetValue<string>().Should().Be("ok b?");

        var resumed = await host.ResumeAsync(bot, paused, WaitForApproval.Answer(true, null, "ann"));

        resumed.Status.Should().Be(RunStatus.Succeeded);
        _effects.Effects.Should().Equal("before a", "before b", "before c");
        resumed.Journal.Entries.Where(e => e.ActivityId == "append").Should().HaveCount(2, "'a' was appended before the pause");
    }

    [Fact]
    public async Task A_second_wait_pauses_again_and_keeps_what_the_first_segment_did()
    {
        const string json = """
            {
              "format": 1, "name": "two-steps",
              "root": { "id": "seq", "type": "Sequence", "activities": [
                { "id": "one", "type": "RecordSideEffect", "inputs": { "text": "one" } },
                { "id": "first", "type": "WaitForApproval", "inputs": { "title": "first" } },
                { "id": "two", "type": "RecordSideEffect", "inputs": { "text": "two" } },
                { "id": "second", "type": "WaitForApproval", "inputs": { "title": "second" } },
                { "id": "three", "type": "RecordSideEffect", "inputs": { "text": "three" } }
              ] }
            }
            """;
        var host = Host();
        var bot = Compile(host, json);
        var first = await host.RunAsync(bot);
        var second = await host.ResumeAsync(bot, first, WaitForApproval.Answer(true, null, "ann"));
        second.Status.Should().Be(RunStatus.Waiting);
        second.Bookmark!.ActivityId.Should().Be("second");

        var done = await host.ResumeAsync(bot, second, WaitForApproval.Answer(true, null, "bob"));

        done.Status.Should().Be(RunStatus.Succeeded);
        _effects.Effects.Should().Equal("one", "two", "three");
    }

    [Fact]
    public async Task The_paused_state_survives_a_round_trip_through_json()
    {
        var host = Host();
        var paused = await host.RunAsync(Compile(host, PayrollLikeBot));

        var state = PausedRun.Parse(paused.Paused!.ToJson());

        state.Bot.Should().Be("pay");
        state.Bookmark.Should().BeEquivalentTo(paused.Bookmark, o => o.Excluding(b => b!.Payload));
        state.Bookmark.Payload.ToJsonString().Should().Be(paused.Bookmark!.Payload.ToJsonString());
    }

    [Fact]
    public void A_damaged_state_is_refused_with_a_clear_message()
    {
        var act = () => PausedRun.Parse("""{ "format": 1, "bot": "pay" }""");

        act.Should().Throw<FormatException>().WithMessage("The stored state of the paused run cannot be read: 'bookmark' is missing");
    }

    [Fact]
    public async Task A_resumed_run_that_goes_another_way_fails_before_doing_anything_new()
    {
        const string before = """
            { "format": 1, "name": "drift", "root": { "id": "seq", "type": "Sequence", "activities": [
                { "id": "a", "type": "RecordSideEffect", "inputs": { "text": "a" } },
                { "id": "wait", "type": "WaitForApproval", "inputs": { "title": "go?" } } ] } }
            """;
        const string after = """
            { "format": 1, "name": "drift", "root": { "id": "seq", "type": "Sequence", "activities": [
                { "id": "a", "type": "RecordSideEffect", "inputs": { "text": "a" } },
                { "id": "new", "type": "RecordSideEffect", "inputs": { "text": "new" } },
                { "id": "wait", "type": "WaitForApproval", "inputs": { "title": "go?" } } ] } }
            """;
        var host = Host();
        var paused = await host.RunAsync(Compile(host, before));

        var resumed = await host.ResumeAsync(Compile(host, after), paused, WaitForApproval.Answer(true, null, "ann"));

        resumed.Status.Should().Be(RunStatus.Failed);
        resumed.Error!.ActivityId.Should().Be("new");
        resumed.Error.Message.Should().Contain("the resumed run went a different way than before it paused");
        _effects.Effects.Should().Equal("a");
    }

    [Fact]
    public async Task A_secret_written_before_the_wait_is_masked_again_after_the_resume()
    {
        const string json = """
            { "format": 1, "name": "secretive",
              "inputs": [ { "name": "password", "type": "text", "secret": true } ],
              "variables": [ { "name": "copy", "type": "text" } ],
              "root": { "id": "seq", "type": "Sequence", "activities": [
                { "id": "keep", "type": "SetVariable", "inputs": { "variable": "copy", "value": { "js": "password" } } },
                { "id": "wait", "type": "WaitForApproval", "inputs": { "title": "go?" } },
                { "id": "say", "type": "Log", "inputs": { "message": { "js": "'using ' + copy" } } } ] } }
            """;
        var host = Host();
        var bot = Compile(host, json);
        var inputs = new Dictionary<string, object?> { ["password"] = "hunter2-secret" };
        var paused = await host.RunAsync(bot, inputs);

        var resumed = await host.ResumeAsync(bot, paused, WaitForApproval.Answer(true, null, "ann"), inputs);

        resumed.EntryOf("say").Inputs!["message"].Should().Be("using ***");
    }

    [Fact]
    public async Task Bots_without_a_wait_keep_no_replay_records()
    {
        var host = Host();
        var bot = Compile(host, """{ "format": 1, "name": "plain", "root": { "id": "a", "type": "RecordSideEffect", "inputs": { "text": "x" } } }""");

        bot.CanSuspend.Should().BeFalse();
        (await host.RunAsync(bot)).Status.Should().Be(RunStatus.Succeeded);
    }

    [Fact]
    public void Wait_for_approval_is_in_the_palette_with_its_two_outcomes()
    {
        new BotTestHost().Registry.TryGet("WaitForApproval", out var descriptor).Should().BeTrue();

        descriptor.Outcomes.Should().Equal("Approved", "Rejected");
        descriptor.Category.Should().Be("Human tasks");
    }
}
