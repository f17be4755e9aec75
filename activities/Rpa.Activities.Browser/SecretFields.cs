using Microsoft.Playwright;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Browser;

/// <summary>
/// Screenshots that do not show secrets: before the picture is taken, every password field and every text field whose
/// value contains a secret of the run (a vault password, a secret input) is covered by a black box (Playwright's mask).
/// The values are compared here, in the run's process; no secret is sent to the page.
/// </summary>
internal static class SecretFields
{
    private const string Marker = "data-rpa-secret";

    private const string ReadValues =
        "() => Array.from(document.querySelectorAll('input, textarea')).map(e => e.type === 'password' ? null : (e.value || ''))";

    private const string Mark =
        "indexes => { const all = document.querySelectorAll('input, textarea'); for (const i of indexes) all[i]?.setAttribute('" + Marker + "', ''); }";

    private const string Unmark =
        "() => document.querySelectorAll('[" + Marker + "]').forEach(e => e.removeAttribute('" + Marker + "'))";

    /// <summary>Takes the screenshot with the page's secret fields masked.</summary>
    public static async Task ScreenshotAsync(IPage page, SecretMasker masker, PageScreenshotOptions options)
    {
        var values = await page.EvaluateAsync<string?[]>(ReadValues).ConfigureAwait(false);
        var secret = values
            .Select((value, index) => (value, index))
            .Where(f => f.value is null || (f.value.Length > 0 && !string.Equals(masker.MaskText(f.value), f.value, StringComparison.Ordinal)))
            .Select(f => f.index)
            .ToArray();
        if (secret.Length == 0)
        {
            await page.ScreenshotAsync(options).ConfigureAwait(false);
            return;
        }

        await page.EvaluateAsync(Mark, secret).ConfigureAwait(false);
        try
        {
            options.Mask = [page.Locator($"[{Marker}]")];
            options.MaskColor = "#000000";
            await page.ScreenshotAsync(options).ConfigureAwait(false);
        }
        finally
        {
            await page.EvaluateAsync(Unmark).ConfigureAwait(false);
        }
    }
}
