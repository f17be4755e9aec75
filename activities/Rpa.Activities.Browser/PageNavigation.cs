using Microsoft.Playwright;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Browser;

/// <summary>Goes to a URL and explains failures: unreachable host, HTTP errors, slow pages.</summary>
internal static class PageNavigation
{
    public static async Task GoToAsync(ActivityContext context, BrowserSession session, string url, decimal timeoutSeconds, WaitUntilState waitUntil = WaitUntilState.Load)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https" or "file" or "about" or "data"))
        {
            throw new ActivityException($"'{url}' is not an absolute http(s) URL");
        }

        var timeout = timeoutSeconds <= 0 ? (float)session.DefaultTimeout.TotalMilliseconds : (float)(timeoutSeconds * 1000);
        IResponse? response;
        try
        {
            response = await session.Page.GotoAsync(url, new PageGotoOptions { Timeout = timeout, WaitUntil = waitUntil }).ConfigureAwait(false);
        }
        catch (TimeoutException e)
        {
            throw new ActivityException($"{url} did not load within {timeout / 1000:0.#} s", e);
        }
        catch (PlaywrightException e) when (e.Message.Contains("net::ERR_", StringComparison.Ordinal))
        {
            var code = e.Message[e.Message.IndexOf("net::ERR_", StringComparison.Ordinal)..].Split(' ', '\n')[0];
            throw new ActivityException($"cannot reach {url}: {code} (is the application running and the address right?)", e);
        }

        if (response is { Ok: false })
        {
            throw new ActivityException($"{url} answered HTTP {response.Status} {response.StatusText}");
        }
    }
}
