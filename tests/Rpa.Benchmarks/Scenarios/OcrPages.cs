using System.Globalization;
using System.Net;
using Microsoft.Playwright;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>
/// The OCR benchmark's pages: the OCR tests' deterministic English-like text (<c>TextPages</c>) rendered by Debian's
/// Chromium at 150 dpi, clean (PNG) and noisy (rotated 1.2°, grey paper, specks, blur, JPEG 70), as the integration
/// tests' InvoiceSetGenerator makes them.
/// </summary>
internal static class OcrPages
{
    public static async Task<byte[]> RenderAsync(IBrowser browser, string text, bool noisy, int seed)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 640, Height = 200 }, DeviceScaleFactor = 150 / 96f });
        try
        {
            var page = await context.NewPageAsync();
            var lines = string.Concat(text.Split('\n').Select(l => $"<p>{WebUtility.HtmlEncode(l)}</p>"));
            var (rotation, background, blur, specks) = noisy ? (1.2, "#d9d9d6", 0.35, 0.0012) : (0.0, "#ffffff", 0.0, 0.0);
            await page.SetContentAsync($$"""
                <!doctype html><html><head><meta charset="utf-8"><style>
                  html, body { margin: 0; background: {{background}}; }
                  #paper { transform: rotate({{rotation.ToString(CultureInfo.InvariantCulture)}}deg); filter: blur({{blur.ToString(CultureInfo.InvariantCulture)}}px); padding: 12px 0; }
                  .txt { font: 16px/1.5 "Liberation Serif", serif; color: #111; padding: 40px 44px; } .txt p { margin: 0; }
                  canvas { position: absolute; left: 0; top: 0; }
                </style></head><body><div id="paper"><div class="txt">{{lines}}</div></div><canvas id="c"></canvas>
                <script>
                  window.specks = () => {
                    const c = document.getElementById('c'), w = document.documentElement.scrollWidth, h = document.documentElement.scrollHeight, r = devicePixelRatio;
                    c.width = w * r; c.height = h * r; c.style.width = w + 'px'; c.style.height = h + 'px';
                    let s = {{seed}} >>> 0;
                    const rnd = () => { s = (s + 0x6D2B79F5) >>> 0; let t = s; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
                    const g = c.getContext('2d'); g.scale(r, r);
                    for (let i = 0; i < Math.round(w * h * {{specks.ToString(CultureInfo.InvariantCulture)}}); i++) {
                      const v = rnd() < 0.8 ? Math.floor(rnd() * 90) : 200 + Math.floor(rnd() * 55);
                      g.fillStyle = `rgb(${v},${v},${v})`; const z = 0.4 + rnd() * 1.3; g.fillRect(rnd() * w, rnd() * h, z, z);
                    }
                  };
                </script></body></html>
                """);
            await page.EvaluateAsync("() => document.fonts.ready.then(() => window.specks())");
            var options = new PageScreenshotOptions { FullPage = true, Type = noisy ? ScreenshotType.Jpeg : ScreenshotType.Png };
            if (noisy) options.Quality = 70;
            return await page.ScreenshotAsync(options);
        }
        finally
        {
            await context.CloseAsync();
        }
    }
}
