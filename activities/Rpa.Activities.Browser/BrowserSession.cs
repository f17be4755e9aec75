using Microsoft.Playwright;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Browser;

/// <summary>
/// The browser of one run: its own context (cookies, storage) and the current page. It is a run resource, so it is
/// closed when the run ends whatever happens. A crashed or closed browser is reported, never silently replaced.
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private BrowserSession(IBrowser browser, IBrowserContext context, IPage page, TimeSpan defaultTimeout)
    {
        Browser = browser;
        Context = context;
        Page = page;
        DefaultTimeout = defaultTimeout;
    }

    public IBrowser Browser { get; }

    public IBrowserContext Context { get; }

    /// <summary>The page activities act on: the one Open browser opened last.</summary>
    public IPage Page { get; private set; }

    public TimeSpan DefaultTimeout { get; }

    public bool IsAlive => Browser.IsConnected && !Page.IsClosed;

    internal static async Task<BrowserSession> StartAsync(BrowserHost host, CancellationToken cancellationToken)
    {
        var browser = await host.GetBrowserAsync(cancellationToken).ConfigureAwait(false);
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = host.Options.ViewportWidth, Height = host.Options.ViewportHeight },
            AcceptDownloads = true,
        }).ConfigureAwait(false);
        context.SetDefaultTimeout((float)host.Options.DefaultTimeout.TotalMilliseconds);
        var page = await context.NewPageAsync().ConfigureAwait(false);
        return new BrowserSession(browser, context, page, host.Options.DefaultTimeout);
    }

    internal async Task OpenPageAsync()
    {
        Page = await Context.NewPageAsync().ConfigureAwait(false);
    }

    /// <summary>The open browser of this run, or a clear error when there is none or it died.</summary>
    public static BrowserSession Require(ActivityContext context)
    {
        var session = context.Run.Resources.Find<BrowserSession>()
            ?? throw new ActivityException("no browser is open in this run; start with an 'Open browser' activity");
        if (!session.IsAlive)
        {
            throw new ActivityException("the browser was closed or has crashed; open it again with 'Open browser' (for example in a Retry or a Try / catch)");
        }

        return session;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Context.CloseAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The browser is already gone.
        }
    }
}
