using System.Text;
using Microsoft.Playwright;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Browser;

/// <summary>
/// Screenshots that do not show secrets: before the picture is taken, every password field, every text field whose
/// value contains a secret of the run (a vault password, a secret input) and every piece of page text that shows one (a
/// page that echoes a token back, also split over several elements like <c>&lt;b&gt;ZEB&lt;/b&gt;RA</c>) is covered by a
/// black box (Playwright's mask). Frames and open shadow roots are searched too. The values are compared here, in the
/// run's process; no secret is sent to the page.
/// </summary>
internal static class SecretScreenshots
{
    private const string Marker = "data-rpa-secret";

    /// <summary>
    /// The page's roots (the document and every open shadow root in it), its form fields, and its text nodes in document
    /// order (not those of scripts, styles and the title), as JavaScript functions the other scripts start with.
    /// </summary>
    private const string Helpers = """
        const rpaRoots = () => {
          const roots = [document];
          for (let i = 0; i < roots.length; i++) {
            const walker = document.createTreeWalker(roots[i], NodeFilter.SHOW_ELEMENT);
            for (let e = walker.nextNode(); e; e = walker.nextNode()) if (e.shadowRoot) roots.push(e.shadowRoot);
          }
          return roots;
        };
        const rpaFields = () => rpaRoots().flatMap(root => Array.from(root.querySelectorAll('input, textarea')));
        const rpaTexts = () => {
          const nodes = [];
          for (const root of rpaRoots()) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const tag = node.parentElement?.tagName;
              if (tag !== 'SCRIPT' && tag !== 'STYLE' && tag !== 'NOSCRIPT' && tag !== 'TITLE' && tag !== 'TEMPLATE') nodes.push(node);
            }
          }
          return nodes;
        };
        """;

    private const string ReadFields =
        "() => { " + Helpers + " return rpaFields().map(e => e.type === 'password' ? null : (e.value || '')); }";

    private const string MarkFields =
        "indexes => { " + Helpers + " const all = rpaFields(); for (const i of indexes) all[i]?.setAttribute('" + Marker + "', ''); }";

    private const string ReadTexts = "() => { " + Helpers + " return rpaTexts().map(node => node.nodeValue); }";

    /// <summary>
    /// Marks the elements holding the given text nodes, each given as [index, text] (the page's own text, sent back to
    /// it: nothing new); a node that moved since it was read is found by its text. A text right in the body or a shadow
    /// root gets a span of its own (data-rpa-secret-wrap), so only it is covered; <see cref="Unmark"/> takes it out.
    /// </summary>
    private const string MarkTexts = "wanted => { " + Helpers + """
          const nodes = rpaTexts();
          for (const [index, text] of wanted) {
            const node = nodes[index]?.nodeValue === text ? nodes[index] : nodes.find(n => n.nodeValue === text);
            const parent = node?.parentNode;
            if (!parent) continue;
            if (parent === document.body || parent === document.documentElement || parent instanceof ShadowRoot) {
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

    private const string Unmark = "() => { " + Helpers + """
          for (const root of rpaRoots()) {
            root.querySelectorAll('[data-rpa-secret-wrap]').forEach(span => span.replaceWith(...span.childNodes));
            root.querySelectorAll('[data-rpa-secret]').forEach(e => e.removeAttribute('data-rpa-secret'));
          }
        }
        """;

    /// <summary>Takes the screenshot with the secret fields and texts of the page and its frames masked.</summary>
    public static async Task ScreenshotAsync(IPage page, SecretMasker masker, PageScreenshotOptions options)
    {
        var masks = new List<ILocator>();
        var marked = new List<IFrame>();
        try
        {
            foreach (var frame in page.Frames)
            {
                if (frame.IsDetached) continue;
                bool covered;
                try
                {
                    covered = await MarkAsync(frame, masker).ConfigureAwait(false);
                }
                catch (PlaywrightException) when (frame != page.MainFrame)
                {
                    // A frame that cannot be read (it is navigating, or went away) is covered whole rather than shown unchecked.
                    masks.Add(page.Locator("iframe, frame"));
                    continue;
                }

                if (!covered) continue;
                marked.Add(frame);
                masks.Add(frame.Locator($"[{Marker}]"));
            }

            if (masks.Count > 0)
            {
                options.Mask = masks;
                options.MaskColor = "#000000";
            }

            await page.ScreenshotAsync(options).ConfigureAwait(false);
        }
        finally
        {
            foreach (var frame in marked)
            {
                try
                {
                    await frame.EvaluateAsync(Unmark).ConfigureAwait(false);
                }
                catch (PlaywrightException) when (frame != page.MainFrame)
                {
                    // The frame went away with its marks.
                }
            }
        }
    }

    /// <summary>
    /// The indexes of the text nodes that show a secret: on their own, or together with their neighbours (the page's text
    /// read in order with runs of white space as one space, as the browser shows it).
    /// </summary>
    internal static SortedSet<int> NodesShowingSecrets(IReadOnlyList<string> texts, SecretMasker masker)
    {
        var nodes = new SortedSet<int>();
        if (masker.IsEmpty) return nodes;
        var shown = new StringBuilder();
        var owners = new List<int>();
        for (var i = 0; i < texts.Count; i++)
        {
            if (HoldsSecret(masker, texts[i])) nodes.Add(i);
            foreach (var c in texts[i])
            {
                var space = char.IsWhiteSpace(c);
                if (space && shown.Length > 0 && shown[^1] == ' ') continue;
                shown.Append(space ? ' ' : c);
                owners.Add(i);
            }
        }

        foreach (var (start, length) in masker.FindAll(shown.ToString()))
        {
            for (var at = start; at < start + length; at++)
            {
                if (!string.IsNullOrWhiteSpace(texts[owners[at]])) nodes.Add(owners[at]);
            }
        }

        return nodes;
    }

    /// <summary>Marks what shows a secret in one frame; false when nothing there needs covering.</summary>
    private static async Task<bool> MarkAsync(IFrame frame, SecretMasker masker)
    {
        var values = await frame.EvaluateAsync<string?[]>(ReadFields).ConfigureAwait(false);
        var fields = values
            .Select((value, index) => (value, index))
            .Where(f => f.value is null || HoldsSecret(masker, f.value))
            .Select(f => f.index)
            .ToArray();
        var texts = masker.IsEmpty ? [] : await frame.EvaluateAsync<string[]>(ReadTexts).ConfigureAwait(false);
        var nodes = NodesShowingSecrets(texts, masker);
        if (fields.Length == 0 && nodes.Count == 0) return false;

        if (fields.Length > 0) await frame.EvaluateAsync(MarkFields, fields).ConfigureAwait(false);
        if (nodes.Count > 0) await frame.EvaluateAsync(MarkTexts, nodes.Select(i => new object[] { i, texts[i] }).ToArray()).ConfigureAwait(false);
        return true;
    }

    private static bool HoldsSecret(SecretMasker masker, string value) =>
        value.Length > 0 && !string.Equals(masker.MaskText(value), value, StringComparison.Ordinal);
}
