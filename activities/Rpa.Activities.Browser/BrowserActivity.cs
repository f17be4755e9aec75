using Microsoft.Playwright;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Browser;

/// <summary>
/// The base of activities that act on the run's open page. It turns Playwright failures into errors a person can
/// act on (what, where, which page) and saves a screenshot of the page as a run artifact.
/// </summary>
public abstract class BrowserActivity : Activity
{
    [Input(Description = "Seconds to wait before failing; 0 uses the runtime's default (10 s).")]
    public Input<decimal> TimeoutSeconds { get; set; } = new(0m);

    public override IEnumerable<string> Validate()
    {
        if (TimeoutSeconds.IsLiteral && TimeoutSeconds.LiteralValue < 0) yield return "timeoutSeconds cannot be negative";
    }

    public sealed override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = BrowserSession.Require(context);
        var seconds = context.Get(TimeoutSeconds);
        if (seconds < 0) throw new ActivityException($"timeoutSeconds cannot be negative ({seconds})");
        var timeout = seconds == 0 ? (float)session.DefaultTimeout.TotalMilliseconds : (float)(seconds * 1000);
        var step = new BrowserStep(context, session, timeout);
        try
        {
            await RunAsync(step).ConfigureAwait(false);
        }
        catch (Exception e) when (e is PlaywrightException or TimeoutException && !context.CancellationToken.IsCancellationRequested)
        {
            throw await BrowserFailure.DescribeAsync(step, e).ConfigureAwait(false);
        }
    }

    /// <summary>Does the activity's work on <see cref="BrowserStep.Page"/>.</summary>
    protected abstract Task RunAsync(BrowserStep step);
}
