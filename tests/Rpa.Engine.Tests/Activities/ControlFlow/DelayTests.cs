using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class DelayTests
{
    [Fact]
    public async Task Delay_waits_on_the_injected_clock()
    {
        var clock = new TimerRecordingTimeProvider();
        var bot = Bot.Define("wait").Root(Bot.Sequence("main", Steps.Delay("pause", 2.5m))).Build();

        var run = new BotTestHost { Time = clock }.RunAsync(bot);
        var wait = await clock.NextTimerAsync();
        run.IsCompleted.Should().BeFalse();
        clock.Advance(wait);
        var result = (await run.WaitAsync(TimeSpan.FromSeconds(10))).ShouldSucceed();

        wait.Should().Be(TimeSpan.FromSeconds(2.5));
        result.EntryOf("pause").Duration.Should().Be(TimeSpan.FromSeconds(2.5));
        result.EntryOf("pause").Inputs!["seconds"].Should().Be(2.5m);
        result.Duration.Should().Be(TimeSpan.FromSeconds(2.5));
    }

    [Fact]
    public async Task Delay_of_zero_seconds_does_not_wait()
    {
        var bot = Bot.Define("no-wait").Root(Steps.Delay("pause", 0)).Build();

        var result = await new BotTestHost { Time = new TimerRecordingTimeProvider() }.RunAsync(bot).WaitAsync(TimeSpan.FromSeconds(10));

        result.ShouldSucceed();
    }

    [Fact]
    public async Task Cancelling_the_run_during_a_delay_ends_it_as_cancelled()
    {
        var clock = new TimerRecordingTimeProvider();
        var bot = Bot.Define("cancelled")
            .Output("after", DataType.Text)
            .Root(Bot.Sequence("main", Steps.Delay("pause", 60), Steps.Set("next", "after", "ran")))
            .Build();
        using var cancel = new CancellationTokenSource();

        var run = new BotTestHost { Time = clock }.RunAsync(bot, cancellationToken: cancel.Token);
        await clock.NextTimerAsync();
        await cancel.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        result.Status.Should().Be(RunStatus.Cancelled);
        result.Error.Should().BeNull();
        result.ErrorMessage.Should().BeNull();
        result.EntryOf("pause").Status.Should().Be(ActivityStatus.Cancelled);
        result.EntryOf("main").Status.Should().Be(ActivityStatus.Cancelled);
        result.Ran().Should().NotContain("next");
        result.Outputs["after"].Should().BeNull();
    }

    [Fact]
    public void Delay_rejects_negative_seconds_at_validation()
    {
        var bot = Bot.Define("negative").Root(Steps.Delay("pause", -1)).Build();

        new BotTestHost().Validate(bot).Problems.Should().Equal(new ValidationProblem("pause", null, "seconds cannot be negative"));
    }

    [Fact]
    public async Task Delay_fails_when_an_expression_gives_negative_seconds()
    {
        var bot = Bot.Define("negative-js").Root(Bot.Activity<Delay>("pause").Set(x => x.Seconds, InputValue.JavaScript("-2"))).Build();

        var result = await new BotTestHost().RunAsync(bot);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.Message.Should().Be("seconds cannot be negative (-2)");
    }

    [Fact]
    public void Delay_requires_seconds()
    {
        var bot = Bot.Define("missing").Root(Bot.Activity<Delay>("pause")).Build();

        new BotTestHost().Validate(bot).Problems.Should().Equal(
            new ValidationProblem("pause", "input 'seconds'", "the input is required (number): Seconds to wait; fractions allowed."));
    }
}
