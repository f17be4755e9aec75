using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

/// <summary>
/// One Chromium per process, started on first use and reused by every run; started again if it died.
/// Runs get their own browser context (see <see cref="BrowserSession"/>), so they never share cookies or pages.
/// </summary>
public sealed class BrowserHost(BrowserOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public BrowserOptions Options { get; } = options;

    public async Task<IBrowser> GetBrowserAsync(CancellationToken cancellationToken)
    {
        if (_browser is { IsConnected: true } running) return running;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_browser is { IsConnected: true } again) return again;
            if (!File.Exists(Options.ExecutablePath))
            {
                throw new ActivityException($"Chromium was not found at {Options.ExecutablePath}; install it with `apt-get install -y --no-install-recommends chromium fonts-liberation` or set RPA_CHROMIUM to its path");
            }

            _playwright ??= await Playwright.CreateAsync().ConfigureAwait(false);
            if (_browser is not null) await SafeCloseAsync(_browser).ConfigureAwait(false);
            _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Options.ExecutablePath,
                Headless = Options.Headless,
                Args = Options.Arguments,
            }).ConfigureAwait(false);
            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_browser is not null) await SafeCloseAsync(_browser).ConfigureAwait(false);
        _playwright?.Dispose();
        _gate.Dispose();
    }

    private static async Task SafeCloseAsync(IBrowser browser)
    {
        try
        {
            await browser.CloseAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // Already gone.
        }
    }
}
