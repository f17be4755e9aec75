using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

/// <summary>Turns a Playwright exception into an error that names the element, the page and the reason, with a screenshot.</summary>
internal static class BrowserFailure
{
    public static async Task<ActivityException> DescribeAsync(BrowserStep step, Exception e)
    {
        var first = e.Message.Split('\n')[0].Trim();
        if (!step.Session.IsAlive || first.Contains("has been closed", StringComparison.Ordinal))
        {
            return new ActivityException("the browser was closed or has crashed while the activity ran; open it again with 'Open browser' (for example in a Retry or a Try / catch)", e);
        }

        var page = step.Page;
        var url = page.Url;
        string title;
        try
        {
            title = await page.TitleAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            title = "";
        }

        var what = step.Target ?? "the page";
        var reason = e switch
        {
            TimeoutException when first.Contains("strict mode", StringComparison.OrdinalIgnoreCase) => $"{what} matches several elements; make the target more specific (Exact, or By = Role with Name)",
            TimeoutException when step.Target is not null => $"{what} was not found within {step.TimeoutMs / 1000:0.#} s",
            TimeoutException => $"the page did not get there within {step.TimeoutMs / 1000:0.#} s",
            _ when first.Contains("strict mode violation", StringComparison.OrdinalIgnoreCase) => $"{what} matches several elements; make the target more specific (Exact, or By = Role with Name)",
            _ => $"{what}: {first}",
        };

        var hint = step.Target?.StartsWith("the field labelled", StringComparison.Ordinal) == true ? await LabelsHintAsync(page).ConfigureAwait(false) : "";
        var screenshot = await ScreenshotAsync(step).ConfigureAwait(false);
        var message = $"{reason} on {url}{(title.Length > 0 ? $" (\"{title}\")" : "")}{hint}{(screenshot is null ? "" : $"; screenshot: {screenshot}")}";
        return new ActivityException(message, e);
    }

    /// <summary>Saves a screenshot of the page as a run artifact; null when the page cannot be captured.</summary>
    public static async Task<string?> ScreenshotAsync(BrowserStep step)
    {
        try
        {
            var path = step.Context.NewArtifactPath(".png");
            await SecretScreenshots.ScreenshotAsync(step.Page, step.Context.Run.Masker, new PageScreenshotOptions { Path = path, Timeout = 2000 }).ConfigureAwait(false);
            step.Context.AddArtifact(path);
            return path;
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return null;
        }
    }

    private static async Task<string> LabelsHintAsync(IPage page)
    {
        try
        {
            var labels = await page.EvaluateAsync<string[]>(
                "() => Array.from(document.querySelectorAll('label')).map(l => l.textContent.replace(/\\s+/g, ' ').trim()).filter(t => t).slice(0, 30)").ConfigureAwait(false);
            return labels.Length == 0 ? "; the page has no labels" : $"; labels on the page: {string.Join(", ", labels.Select(l => $"'{l}'"))}";
        }
        catch (Exception ex) when (ex is PlaywrightException or TimeoutException)
        {
            return "";
        }
    }
}
