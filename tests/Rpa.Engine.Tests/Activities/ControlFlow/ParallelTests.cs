using Microsoft.Extensions.Time.Testing;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;
using ParallelActivity = Rpa.Engine.Activities.ControlFlow.Parallel;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class ParallelTests
{
    [Fact]
    public async Task Parallel_runs_its_branches_at_the_same_time()
    {
        // Each branch waits at a rendezvous until the other arrives: run one after the other, the first would time out.
        var host = new BotTestHost { Services = new ServiceBag(new RendezvousPoint(2)) }.Add<Rendezvous>();
        var bot = Bot.Define("together")
            .Root(Bot.Activity<ParallelActivity>("both").Children(x => x.Branches,
                Bot.Activity<Rendezvous>("left"),
                Bot.Activity<Rendezvous>("right")))
            .Build();

        var result = (await host.RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().BeEquivalentTo(["both", "left", "right"]);
        result.EntryOf("left").Iteration.Should().Be(0);
        result.EntryOf("right").Iteration.Should().Be(1);
        result.EntriesOf("left").Concat(result.EntriesOf("right")).Should().OnlyContain(e => e.ParentSequence == result.EntryOf("both").Sequence);
    }

    [Fact]
    public async Task Parallel_runs_no_more_than_maxParallelism_branches_at_once()
    {
        var meter = new ConcurrencyMeter();
        var host = new BotTestHost { Services = new ServiceBag(meter) }.Add<ConcurrencyProbe>();
        var bot = Bot.Define("one-at-a-time")
            .Root(Bot.Activity<ParallelActivity>("all")
                .Set(x => x.MaxParallelism, 1m)
                .Children(x => x.Branches, Enumerable.Range(1, 4).Select(i => Bot.Activity<ConcurrencyProbe>($"probe{i}")).ToArray()))
            .Build();

        (await host.RunAsync(bot)).ShouldSucceed();

        meter.Total.Should().Be(4);
        meter.Max.Should().Be(1);
    }

    [Fact]
    public async Task Parallel_lets_maxParallelism_branches_meet_while_the_rest_wait_their_turn()
    {
        var host = new BotTestHost { Services = new ServiceBag(new RendezvousPoint(2), new ConcurrencyMeter()) }.Add<Rendezvous>().Add<ConcurrencyProbe>();
        var bot = Bot.Define("two-at-a-time")
            .Root(Bot.Activity<ParallelActivity>("all")
                .Set(x => x.MaxParallelism, 2m)
                .Children(x => x.Branches,
                    Bot.Activity<Rendezvous>("a"),
                    Bot.Activity<Rendezvous>("b"),
                    Bot.Activity<ConcurrencyProbe>("c")))
            .Build();

        var result = (await host.RunAsync(bot)).ShouldSucceed();

        result.Ran().Should().HaveCount(4);
    }

    [Fact]
    public async Task Parallel_fails_with_the_first_error_and_cancels_the_other_branches()
    {
        // The clock never moves, so the slow branch's delay can only end by cancellation.
        var host = new BotTestHost { Time = new FakeTimeProvider(), Services = new ServiceBag(new RendezvousPoint(2)) }.Add<Rendezvous>();
        var bot = Bot.Define("first-failure")
            .Root(Bot.Activity<ParallelActivity>("both").Children(x => x.Branches,
                Bot.Sequence("failing", Bot.Activity<Rendezvous>("meetA"), Steps.Fail("broken", "the portal is down")),
                Bot.Sequence("slow", Bot.Activity<Rendezvous>("meetB"), Steps.Delay("wait", 3600))))
            .Build();

        var result = await host.RunAsync(bot).WaitAsync(TimeSpan.FromSeconds(10));

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("broken");
        result.Error.Message.Should().Be("the portal is down");
        result.EntryOf("both").Status.Should().Be(ActivityStatus.Faulted);
        result.EntryOf("both").Error.Should().Be(result.Error);
        result.EntryOf("slow").Status.Should().Be(ActivityStatus.Cancelled);
        result.EntriesOf("wait").Should().NotContain(e => e.Status != ActivityStatus.Cancelled, "the delay, if it started, was cancelled");
    }

    [Fact]
    public async Task Parallel_branches_evaluate_expressions_side_by_side()
    {
        var bot = Bot.Define("expressions")
            .Output("a", DataType.Number)
            .Output("b", DataType.Number)
            .Output("c", DataType.Text)
            .Variable("items", DataType.List, new List<object?> { 1, 2, 3, 4 })
            .Root(Bot.Activity<ParallelActivity>("all").Children(x => x.Branches,
                Steps.SetJs("sum", "a", "items.reduce((s, x) => s + x, 0)"),
                Steps.SetJs("max", "b", "Math.max(...items)"),
                Steps.Set("text", "c", InputValue.Liquid("{{ items | join: '-' }}"))))
            .Build();

        var result = (await new BotTestHost().RunAsync(bot)).ShouldSucceed();

        result.Outputs["a"].Should().Be(10m);
        result.Outputs["b"].Should().Be(4m);
        result.Outputs["c"].Should().Be("1-2-3-4");
    }

    [Fact]
    public async Task Parallel_without_branches_succeeds()
    {
        var bot = Bot.Define("nothing").Root(Bot.Activity<ParallelActivity>("none")).Build();

        (await new BotTestHost().RunAsync(bot)).ShouldSucceed();
    }

    [Fact]
    public void Parallel_rejects_maxParallelism_below_one_at_validation()
    {
        var bot = Bot.Define("zero").Root(Bot.Activity<ParallelActivity>("none").Set(x => x.MaxParallelism, 0m)).Build();

        new BotTestHost().Validate(bot).Problems.Should().Equal(new ValidationProblem("none", null, "maxParallelism must be 1 or more"));
    }
}
