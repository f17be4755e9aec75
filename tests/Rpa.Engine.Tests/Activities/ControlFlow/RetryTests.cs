using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Support;
using Rpa.Engine.Validation;

namespace Rpa.Engine.Tests.Activities.ControlFlow;

public sealed class RetryTests
{
    private static BotDefinition Flaky(int failures, int attempts, decimal delaySeconds, Backoff backoff = Backoff.Exponential) =>
        Bot.Define("flaky")
            .Root(Bot.Activity<Retry>("retry")
                .Set(x => x.Attempts, attempts)
                .Set(x => x.DelaySeconds, delaySeconds)
                .Set(x => x.Backoff, backoff.ToString())
                .Child(x => x.Body, Bot.Activity<FailTimes>("login").Set(x => x.Failures, failures)))
            .Build();

    [Fact]
    public async Task Retry_runs_the_body_again_until_it_succeeds()
    {
        var result = (await new BotTestHost().Add<FailTimes>().RunAsync(Flaky(failures: 2, attempts: 5, delaySeconds: 0))).ShouldSucceed();

        var attempts = result.EntriesOf("login");
        attempts.Select(e => e.Iteration).Should().Equal(0, 1, 2);
        attempts.Select(e => e.Status).Should().Equal(ActivityStatus.Faulted, ActivityStatus.Faulted, ActivityStatus.Completed);
        attempts[0].Error!.Message.Should().Be("attempt 1 failed");
        result.EntryOf("retry").Outputs!["attempts"].Should().Be(3);
    }

    [Fact]
    public async Task Retry_fails_with_the_last_error_when_every_attempt_fails()
    {
        var result = await new BotTestHost().Add<FailTimes>().RunAsync(Flaky(failures: 10, attempts: 3, delaySeconds: 0));

        result.Status.Should().Be(RunStatus.Failed);
        result.EntriesOf("login").Should().HaveCount(3);
        result.Error!.ActivityId.Should().Be("login");
        result.Error.Message.Should().Be("attempt 3 failed");
        result.EntryOf("retry").Status.Should().Be(ActivityStatus.Faulted);
    }

    [Fact]
    public async Task Retry_with_one_attempt_does_not_retry()
    {
        var result = await new BotTestHost().Add<FailTimes>().RunAsync(Flaky(failures: 1, attempts: 1, delaySeconds: 5));

        result.Status.Should().Be(RunStatus.Failed);
        result.EntryOf("login").Iteration.Should().Be(0);
    }

    [Fact]
    public async Task Retry_waits_with_exponential_backoff_between_attempts()
    {
        var clock = new TimerRecordingTimeProvider();
        var start = clock.GetUtcNow();
        var host = new BotTestHost { Time = clock }.Add<FailTimes>();

        var run = host.RunAsync(Flaky(failures: 3, attempts: 4, delaySeconds: 1));
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            var wait = await clock.NextTimerAsync();
            run.IsCompleted.Should().BeFalse("the retry is waiting on the clock");
            waits.Add(wait);
            clock.Advance(wait);
        }

        var result = (await run.WaitAsync(TimeSpan.FromSeconds(10))).ShouldSucceed();

        waits.Should().Equal(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4));
        result.EntriesOf("login").Select(e => e.StartedAt - start).Should().Equal(
            TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(7));
        result.EntryOf("retry").Duration.Should().Be(TimeSpan.FromSeconds(7));
    }

    [Theory]
    [InlineData(Backoff.Constant, new[] { 2, 2, 2 })]
    [InlineData(Backoff.Linear, new[] { 2, 4, 6 })]
    [InlineData(Backoff.Exponential, new[] { 2, 4, 8 })]
    public async Task Retry_grows_the_wait_as_the_backoff_says(Backoff backoff, int[] seconds)
    {
        var clock = new TimerRecordingTimeProvider();
        var host = new BotTestHost { Time = clock }.Add<FailTimes>();

        var run = host.RunAsync(Flaky(failures: 3, attempts: 4, delaySeconds: 2, backoff));
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 3; i++)
        {
            waits.Add(await clock.NextTimerAsync());
            clock.Advance(waits[^1]);
        }

        (await run.WaitAsync(TimeSpan.FromSeconds(10))).ShouldSucceed();
        waits.Should().Equal(seconds.Select(s => TimeSpan.FromSeconds(s)));
    }

    [Fact]
    public async Task Retry_logs_each_failed_attempt_and_the_wait_before_the_next()
    {
        var logger = new CapturingLogger();
        var compiled = new BotTestHost().Add<FailTimes>().Compiler.CompileOrThrow(Flaky(failures: 2, attempts: 3, delaySeconds: 0));

        (await BotRunner.RunAsync(compiled, new RunOptions { Logger = logger })).ShouldSucceed();

        logger.Events.Where(e => e.Message.StartsWith("Attempt")).Select(e => e.Message).Should().Equal(
            "Attempt 1 failed at activity 'login': attempt 1 failed; retrying in 0 s",
            "Attempt 2 failed at activity 'login': attempt 2 failed; retrying in 0 s");
    }

    [Fact]
    public async Task Cancelling_the_run_while_a_retry_waits_ends_it_as_cancelled()
    {
        var clock = new TimerRecordingTimeProvider();
        var host = new BotTestHost { Time = clock }.Add<FailTimes>();
        using var cancel = new CancellationTokenSource();

        var run = host.RunAsync(Flaky(failures: 5, attempts: 5, delaySeconds: 30), cancellationToken: cancel.Token);
        await clock.NextTimerAsync();
        await cancel.CancelAsync();
        var result = await run.WaitAsync(TimeSpan.FromSeconds(10));

        result.Status.Should().Be(RunStatus.Cancelled);
        result.EntriesOf("login").Should().ContainSingle();
        result.EntryOf("retry").Status.Should().Be(ActivityStatus.Cancelled);
    }

    [Fact]
    public void Retry_rejects_fewer_than_one_attempt_and_negative_delays_at_validation()
    {
        var bot = Bot.Define("bad")
            .Root(Bot.Activity<Retry>("retry").Set(x => x.Attempts, 0m).Set(x => x.DelaySeconds, -1m))
            .Build();

        new BotTestHost().Validate(bot).Problems.Should().Equal(
            new ValidationProblem("retry", null, "attempts must be 1 or more"),
            new ValidationProblem("retry", null, "delaySeconds cannot be negative"));
    }

    [Fact]
    public void Retry_rejects_an_unknown_backoff_at_validation()
    {
        var bot = Bot.Define("bad").Root(Bot.Activity<Retry>("retry").Set(x => x.Backoff, "Fibonacci")).Build();

        new BotTestHost().Validate(bot).Problems.Should().ContainSingle().Which.Message
            .Should().Be("the value does not fit the type text: expected one of Constant, Linear, Exponential but got 'Fibonacci'");
    }
}
