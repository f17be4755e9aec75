using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Open browser", Description = "Opens a page in the run's own browser context (Chromium), optionally at a URL. Later browser activities act on this page. If the browser died, this opens a fresh one.", Needs = [ActivityNeeds.Browser])]
public sealed class OpenBrowser : Activity
{
    [Input(Description = "The address to open (http://127.0.0.1:... for local apps); empty opens a blank page.")]
    public Input<string> Url { get; set; } = new("");

    [Input(Description = "Seconds to wait for the page to load; 0 uses the runtime's default (10 s).")]
    public Input<decimal> TimeoutSeconds { get; set; } = new(0m);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var url = context.Get(Url);
        var seconds = context.Get(TimeoutSeconds);
        var resources = context.Run.Resources;
        var existing = resources.Find<BrowserSession>();
        if (existing is { IsAlive: true })
        {
            await existing.OpenPageAsync().ConfigureAwait(false);
        }
        else
        {
            if (existing is not null)
            {
                resources.Remove<BrowserSession>();
                await existing.DisposeAsync().ConfigureAwait(false);
            }

            var host = context.GetRequiredService<BrowserHost>();
            await resources.GetOrCreateAsync(async ct => await BrowserSession.StartAsync(host, ct).ConfigureAwait(false), context.CancellationToken).ConfigureAwait(false);
        }

        if (url.Length > 0)
        {
            var session = BrowserSession.Require(context);
            await PageNavigation.GoToAsync(context, session, url, seconds).ConfigureAwait(false);
        }
    }
}
