using System.Collections.Concurrent;
using Microsoft.Playwright;
using Rpa.Activities.Documents;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

/// <summary>
/// Prints HTML to PDF with the process-wide Chromium of <see cref="BrowserHost"/>: one browser context of its own,
/// a pool of reused pages, and at most <see cref="BrowserOptions.PdfPages"/> documents printing at once; callers
/// beyond that wait. A page that failed is closed, not reused; if Chromium died, the next render starts it again.
/// </summary>
public sealed class ChromiumPdfRenderer(BrowserHost host) : IHtmlPdfRenderer, IAsyncDisposable
{
    private readonly SemaphoreSlim _slots = new(Math.Max(1, host.Options.PdfPages));
    private readonly SemaphoreSlim _contextGate = new(1, 1);
    private readonly ConcurrentBag<IPage> _idle = [];
    private IBrowserContext? _context;

    public async Task<byte[]> RenderAsync(string html, PdfPageSetup page, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        IPage? tab = null;
        try
        {
            tab = await TakePageAsync(cancellationToken).ConfigureAwait(false);
            var timeout = (float)host.Options.PdfTimeout.TotalMilliseconds;
            await tab.SetContentAsync(html, new PageSetContentOptions { WaitUntil = WaitUntilState.Load, Timeout = timeout }).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
            var pdf = await tab.PdfAsync(Options(page)).ConfigureAwait(false);
            _idle.Add(tab);
            tab = null;
            return pdf;
        }
        catch (PlaywrightException e)
        {
            throw new ActivityException($"Chromium could not print the HTML to PDF: {e.Message.Split('\n')[0].Trim()}", e);
        }
        finally
        {
            if (tab is not null) await CloseAsync(tab).ConfigureAwait(false);
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        while (_idle.TryTake(out var page)) await CloseAsync(page).ConfigureAwait(false);
        if (_context is not null)
        {
            try
            {
                await _context.CloseAsync().ConfigureAwait(false);
            }
            catch (PlaywrightException)
            {
                // The browser is gone already (BrowserHost may be disposed first).
            }
        }

        _slots.Dispose();
        _contextGate.Dispose();
    }

    private static PagePdfOptions Options(PdfPageSetup page) => new()
    {
        Format = page.Format.ToString(),
        Landscape = page.Landscape,
        PrintBackground = true,
        Margin = new Margin { Top = page.MarginTop, Bottom = page.MarginBottom, Left = page.MarginLeft, Right = page.MarginRight },
        DisplayHeaderFooter = page.Header.Length > 0 || page.Footer.Length > 0,
        // Chromium prints its own date and title when a template is missing: an empty element prints nothing.
        HeaderTemplate = page.Header.Length > 0 ? page.Header : "<span></span>",
        FooterTemplate = page.Footer.Length > 0 ? page.Footer : "<span></span>",
    };

    private async Task<IPage> TakePageAsync(CancellationToken cancellationToken)
    {
        var context = await ContextAsync(cancellationToken).ConfigureAwait(false);
        while (_idle.TryTake(out var page))
        {
            if (!page.IsClosed && page.Context == context) return page;
            await CloseAsync(page).ConfigureAwait(false);
        }

        return await context.NewPageAsync().ConfigureAwait(false);
    }

    /// <summary>The renderer's browser context, made again when Chromium was restarted.</summary>
    private async Task<IBrowserContext> ContextAsync(CancellationToken cancellationToken)
    {
        var browser = await host.GetBrowserAsync(cancellationToken).ConfigureAwait(false);
        if (_context is { } current && current.Browser == browser) return current;
        await _contextGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_context is { } again && again.Browser == browser) return again;
            _context = await browser.NewContextAsync().ConfigureAwait(false);
            return _context;
        }
        finally
        {
            _contextGate.Release();
        }
    }

    private static async Task CloseAsync(IPage page)
    {
        try
        {
            await page.CloseAsync().ConfigureAwait(false);
        }
        catch (PlaywrightException)
        {
            // The browser is gone already.
        }
    }
}
