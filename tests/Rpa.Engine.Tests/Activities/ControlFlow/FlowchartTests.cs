using Rpa.Engine.Activities;
using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class FlowchartTests
{
    [Fact]
    public async Task Flowchart_starts_at_the_first_activity_without_incoming_connections()
    {
        var bot = Bot.Define("default-start")
            .Variable("trail", DataType.Text, "")
            .Root(Bot.Flowchart("flow",
                    Steps.SetJs("second", "trail", "trail + '2'"),
                    Steps.SetJs("first", "trail", "trail + '1'"))
                .Connect("first", "second"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("flow", "first", "second");
    }

    [Fact]
    public async Task Flowchart_starts_at_the_explicit_start_activity()
    {
        var bot = Bot.Define("explicit-start")
            .Variable("trail", DataType.Text, "")
            .Root(Bot.Flowchart("flow",
                    Steps.SetJs("a", "trail", "trail + 'a'"),
                    Steps.SetJs("b", "trail", "trail + 'b'"),
                    Steps.SetJs("c", "trail", "trail + 'c'"))
                .Connect("a", "b")
                .Connect("b", "c")
                .Start("b"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("flow", "b", "c");
    }

    [Theory]
    [InlineData(1500, "approve")]
    [InlineData(20, "autoApprove")]
    public async Task Flowchart_follows_the_True_or_False_outcome_of_an_If(decimal amount, string expected)
    {
        var bot = Bot.Define("branching")
            .Input("amount", DataType.Number, required: true)
            .Output("route", DataType.Text)
            .Root(Bot.Flowchart("flow",
                    Steps.If("large", "amount > 1000"),
                    Steps.Set("approve", "route", "manager"),
                    Steps.Set("autoApprove", "route", "automatic"))
                .Connect("large", "True", "approve")
                .Connect("large", "False", "autoApprove"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot, new Dictionary<string, object?> { ["amount"] = amount })).ShouldSucceed();

        result.Ran().Should().Equal("flow", "large", expected);
        result.EntryOf("large").Outcome.Should().Be(expected == "approve" ? "True" : "False");
    }

    [Fact]
    public async Task Flowchart_runs_every_activity_connected_to_the_same_outcome()
    {
        var bot = Bot.Define("fan-out")
            .Variable("trail", DataType.Text, "")
            .Root(Bot.Flowchart("flow",
                    Steps.Set("start", "trail", "s"),
                    Steps.SetJs("left", "trail", "trail + 'L'"),
                    Steps.SetJs("right", "trail", "trail + 'R'"))
                .Connect("start", "left")
                .Connect("start", "right"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("flow", "start", "left", "right");
    }

    [Fact]
    public async Task Paths_that_meet_at_a_Join_go_on_once_after_both_ran()
    {
        var bot = Bot.Define("fork-join")
            .Output("trail", DataType.Text)
            .Root(Bot.Flowchart("flow",
                    Steps.Set("start", "trail", "s"),
                    Steps.SetJs("left", "trail", "trail + 'L'"),
                    Steps.SetJs("right", "trail", "trail + 'R'"),
                    new ActivityBuilder<Join>("both"),
                    Steps.SetJs("after", "trail", "trail + 'A'"))
                .Connect("start", "left")
                .Connect("start", "right")
                .Connect("left", "both")
                .Connect("right", "both")
                .Connect("both", "after"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("flow", "start", "left", "right", "both", "after");
        result.Outputs["trail"].Should().Be("sLRA");
    }

    [Fact]
    public async Task A_Join_in_a_loop_goes_on_once_per_round()
    {
        var bot = Bot.Define("join-loop")
            .Output("count", DataType.Number)
            .Variable("trail", DataType.Text, "")
            .Root(Bot.Flowchart("flow",
                    Steps.Set("init", "count", 0m),
                    Steps.If("check", "count < 2"),
                    Steps.SetJs("a", "trail", "trail + 'a'"),
                    Steps.SetJs("b", "trail", "trail + 'b'"),
                    new ActivityBuilder<Join>("both"),
                    Steps.SetJs("increment", "count", "count + 1"))
                .Connect("init", "check")
                .Connect("check", "True", "a")
                .Connect("check", "True", "b")
                .Connect("a", "both")
                .Connect("b", "both")
                .Connect("both", "increment")
                .Connect("increment", "check"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["count"].Should().Be(2m);
        result.EntriesOf("both").Should().HaveCount(2);
        result.EntriesOf("increment").Should().HaveCount(2);
    }

    [Fact]
    public async Task A_Join_whose_other_path_never_comes_fails_naming_the_missing_connection()
    {
        var bot = Bot.Define("join-after-if")
            .Variable("trail", DataType.Text, "")
            .Root(Bot.Flowchart("flow",
                    Steps.If("check", "true"),
                    Steps.SetJs("yes", "trail", "trail + 'y'"),
                    Steps.SetJs("no", "trail", "trail + 'n'"),
                    new ActivityBuilder<Join>("merge"),
                    Steps.SetJs("after", "trail", "trail + 'A'"))
                .Connect("check", "True", "yes")
                .Connect("check", "False", "no")
                .Connect("yes", "merge")
                .Connect("no", "merge")
                .Connect("merge", "after"))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("flow");
        result.Error.Message.Should().Contain("join 'merge' waited for 'no' (Done), which never came");
        result.Ran().Should().NotContain("after");
    }

    [Fact]
    public async Task Flowchart_loops_through_a_back_edge_and_the_journal_counts_each_revisit()
    {
        var bot = Bot.Define("loop")
            .Output("count", DataType.Number)
            .Root(Bot.Flowchart("flow",
                    Steps.Set("init", "count", 0m),
                    Steps.If("check", "count < 3"),
                    Steps.SetJs("increment", "count", "count + 1"),
                    Steps.Set("done", "count", InputValue.JavaScript("count * 10")))
                .Connect("init", "check")
                .Connect("check", "True", "increment")
                .Connect("increment", "check")
                .Connect("check", "False", "done"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["count"].Should().Be(30m);
        result.EntriesOf("check").Select(e => e.Iteration).Should().Equal(null, 1, 2, 3);
        result.EntriesOf("increment").Select(e => e.Iteration).Should().Equal(null, 1, 2);
        result.EntriesOf("check").Select(e => e.Outcome).Should().Equal("True", "True", "True", "False");
        result.EntryOf("done").Iteration.Should().BeNull();
    }

    [Fact]
    public async Task Flowchart_ends_when_the_finished_activity_has_no_connection_for_its_outcome()
    {
        var bot = Bot.Define("dead-end")
            .Variable("trail", DataType.Text, "")
            .Root(Bot.Flowchart("flow",
                    Steps.If("check", "true"),
                    Steps.SetJs("onlyWhenFalse", "trail", "trail + 'x'"))
                .Connect("check", "False", "onlyWhenFalse"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("flow", "check");
        result.EntryOf("flow").Status.Should().Be(ActivityStatus.Completed);
    }

    [Fact]
    public async Task Flowchart_runs_only_the_start_activity_when_there_are_no_connections()
    {
        var bot = Bot.Define("unconnected")
            .Variable("trail", DataType.Text, "")
            .Root(Bot.Flowchart("flow",
                Steps.SetJs("a", "trail", "trail + 'a'"),
                Steps.SetJs("b", "trail", "trail + 'b'")))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("flow", "a");
    }

    [Fact]
    public async Task An_empty_flowchart_succeeds()
    {
        var bot = Bot.Define("empty").Root(Bot.Flowchart("flow")).Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().Equal("flow");
    }

    [Fact]
    public async Task A_failing_node_fails_the_flowchart_and_stops_it()
    {
        var bot = Bot.Define("failing-node")
            .Variable("trail", DataType.Text, "")
            .Root(Bot.Flowchart("flow",
                    Steps.Fail("broken", "no way through"),
                    Steps.SetJs("after", "trail", "trail + 'x'"))
                .Connect("broken", "after"))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("broken");
        result.Error.Path.Should().Be("flow/broken");
        result.Ran().Should().Equal("flow", "broken");
    }

    [Fact]
    public async Task Flowchart_nodes_can_be_composites_whose_children_run_inside_the_node()
    {
        var bot = Bot.Define("composite-node")
            .Variable("trail", DataType.Text, "")
            .Root(Bot.Flowchart("flow",
                    Bot.Sequence("steps", Steps.SetJs("one", "trail", "trail + '1'"), Steps.SetJs("two", "trail", "trail + '2'")),
                    Steps.SetJs("three", "trail", "trail + '3'"))
                .Connect("steps", "three"))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Journal.Entries.Select(e => e.Path).Should().Equal("flow", "flow/steps", "flow/steps/one", "flow/steps/two", "flow/three");
    }

    [Fact]
    public void Flowchart_descriptor_names_its_nodes_slot()
    {
        var descriptor = new BotTestHost().Registry.Get("Flowchart");

        descriptor.IsFlowchart.Should().BeTrue();
        descriptor.Slots.Select(s => s.Name).Should().Equal("activities");
        ((IFlowchart)new Flowchart()).NodesSlot.Should().Be("activities");
    }

    [Fact]
    public async Task Flowchart_stops_an_endless_loop_at_max_steps_with_a_clear_error()
    {
        var bot = Bot.Define("endless")
            .Variable("n", DataType.Number, 0)
            .Root(Bot.Flowchart("flow",
                    Steps.SetJs("tick", "n", "n + 1"),
                    Steps.SetJs("tock", "n", "n + 1"))
                .SetLiteral(f => f.MaxSteps, 50)
                .Connect("tick", "tock")
                .Connect("tock", "tick"))
            .Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("flow");
        result.Error.Message.Should().StartWith("the flowchart ran 50 activities and is still going (last: 'tick')");
    }
}
