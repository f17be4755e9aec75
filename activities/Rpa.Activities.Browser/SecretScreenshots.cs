using Microsoft.Playwright;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Browser;

/// <summary>
/// Screenshots that do not show secrets: before the picture is taken, every password field, every text field whose
/// value contains a secret of the run (a vault password, a secret input) and every piece of page text that contains one
/// (a page that echoes a token back) is covered by a black box (Playwright's mask). The values are compared here, in the
/// run's process; no secret is sent to the page.
/// </summary>
internal static class SecretScreenshots
{
    private const string Marker = "data-rpa-secret";

    private const string ReadValues =
        "() => Array.from(document.querySelectorAll('input, textarea')).map(e => e.type === 'password' ? null : (e.value || ''))";

    private const string MarkFields =
        "indexes => { const all = document.querySelectorAll('input, textarea'); for (const i of indexes) all[i]?.setAttribute('" + Marker + "', ''); }";

    /// <summary>The page's visible text, one string per text node (not scripts and styles), as the page holds it.</summary>
    private const string ReadTexts = """
        () => {
          const texts = [];
          const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            const parent = node.parentElement?.tagName;
            if (parent === 'SCRIPT' || parent === 'STYLE' || parent === 'NOSCRIPT' || !node.nodeValue.trim()) continue;
            texts.push(node.nodeValue);
          }
          return texts;
        }
        """;

    /// <summary>
    /// Marks the elements holding the given texts (the page's own text, sent back to it: nothing new). A text right in the
    /// page's body gets a span of its own (data-rpa-secret-wrap), so only it is covered; <see cref="Unmark"/> takes it out.
    /// </summary>
    private const string MarkTexts = """
        texts => {
          const wanted = new Set(texts);
          const found = [];
          const walker = document.createTreeWalker(document.body ?? document.documentElement, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode(); node; node = walker.nextNode()) if (wanted.has(node.nodeValue)) found.push(node);
          for (const node of found) {
            const parent = node.parentElement;
            if (!parent) continue;
            if (parent === document.body || parent === document.documentElement) {
              const span = document.createElement('span');
              span.setAttribute('data-rpa-secret-wrap', '');
              span.setAttribute('data-rpa-secret', '');
              parent.insertBefore(span, node);
              span.appendChild(node);
            } else {
              parent.setAttribute('data-rpa-secret', '');
            }
          }
        }
        """;

    private const string Unmark = """
        () => {
          document.querySelectorAll('[data-rpa-secret-wrap]').forEach(span => span.replaceWith(...span.childNodes));
          document.querySelectorAll('[data-rpa-secret]').forEach(e => e.removeAttribute('data-rpa-secret'));
        }
        """;

    /// <summary>Takes the screenshot with the page's secret fields and texts masked.</summary>
    public static async Task ScreenshotAsync(IPage page, SecretMasker masker, PageScreenshotOptions options)
    {
        var values = await page.EvaluateAsync<string?[]>(ReadValues).ConfigureAwait(false);
        var fields = values
            .Select((value, index) => (value, index))
            .Where(f => f.value is null || HoldsSecret(masker, f.value))
            .Select(f => f.index)
            .ToArray();
        var texts = (await page.EvaluateAsync<string[]>(ReadTexts).ConfigureAwait(false))
            .Where(text => HoldsSecret(masker, text))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        if (fields.Length == 0 && texts.Length == 0)
        {
            await page.ScreenshotAsync(options).ConfigureAwait(false);
            return;
        }

        try
        {
            if (fields.Length > 0) await page.EvaluateAsync(MarkFields, fields).ConfigureAwait(false);
            if (texts.Length > 0) await page.EvaluateAsync(MarkTexts, texts).ConfigureAwait(false);
            options.Mask = [page.Locator($"[{Marker}]")];
            options.MaskColor = "#000000";
            await page.ScreenshotAsync(options).ConfigureAwait(false);
        }
        finally
        {
            await page.EvaluateAsync(Unmark).ConfigureAwait(false);
        }
    }

    private static bool HoldsSecret(SecretMasker masker, string value) =>
        value.Length > 0 && !string.Equals(masker.MaskText(value), value, StringComparison.Ordinal);
}
