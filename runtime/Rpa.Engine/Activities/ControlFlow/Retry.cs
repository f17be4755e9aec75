using Polly;
using Polly.Retry;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "Retry", Description = "Runs its body; when it fails, waits and runs it again, up to the given number of attempts, then fails with the last error.")]
public sealed class Retry : Activity
{
    [Input(Description = "How many times to run the body in total (1 means no retry).")]
    public Input<int> Attempts { get; set; } = new(3);

    [Input(Description = "Seconds to wait before the first retry.")]
    public Input<decimal> DelaySeconds { get; set; } = new(1m);

    [Input(Description = "How the wait grows: Constant, Linear or Exponential (doubling).")]
    public Input<Backoff> Backoff { get; set; } = new(ControlFlow.Backoff.Exponential);

    [Slot(Description = "The activity to retry (use a Sequence for several steps).")]
    public Activity? Body { get; set; }

    public override IEnumerable<string> Validate()
    {
        if (Attempts.IsLiteral && Attempts.LiteralValue < 1) yield return "attempts must be 1 or more";
        if (DelaySeconds.IsLiteral && DelaySeconds.LiteralValue < 0) yield return "delaySeconds cannot be negative";
    }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var attempts = context.Get(Attempts);
        var delay = context.Get(DelaySeconds);
        if (attempts < 1) throw new ActivityException($"attempts must be 1 or more, not {attempts}");
        if (delay < 0) throw new ActivityException($"delaySeconds cannot be negative ({delay})");
        if (Body is null) return;

        var attempt = 0;
        if (attempts == 1)
        {
            await context.RunAsync(Body, iteration: 0).ConfigureAwait(false);
            return;
        }

        var pipeline = new ResiliencePipelineBuilder { TimeProvider = context.Time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = attempts - 1,
                Delay = TimeSpan.FromSeconds((double)delay),
                BackoffType = context.Get(Backoff) switch
                {
                    ControlFlow.Backoff.Constant => DelayBackoffType.Constant,
                    ControlFlow.Backoff.Linear => DelayBackoffType.Linear,
                    _ => DelayBackoffType.Exponential,
                },
                UseJitter = false,
                MaxDelay = TimeSpan.FromMinutes(10),
                ShouldHandle = new PredicateBuilder().Handle<ActivityFaultException>(),
                OnRetry = args =>
                {
                    if (args.Outcome.Exception is ActivityFaultException fault)
                    {
                        context.Logger.LogRetry(args.AttemptNumber + 1, fault.Error.ActivityId, fault.Error.Message, Math.Round(args.RetryDelay.TotalSeconds, 3));
                    }

                    return default;
                },
            })
            .Build();

        await pipeline.ExecuteAsync(
            async token =>
            {
                var current = attempt++;
                await context.RunAsync(Body, iteration: current, cancellation: token).ConfigureAwait(false);
            },
            context.CancellationToken).ConfigureAwait(false);
        context.Entry.RecordOutput("attempts", attempt);
    }
}
