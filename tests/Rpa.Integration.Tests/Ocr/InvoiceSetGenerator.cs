using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Writer;

namespace Rpa.Integration.Tests.Ocr;

/// <summary>
/// Renders the OCR test set with Chromium: invoices and text pages as HTML, screenshotted at a given dpi (CSS pixels
/// are 1/96 inch, so the device scale factor is dpi / 96), made to look scanned by CSS (rotation, grey paper, blur)
/// and a seeded canvas of specks, saved as PNG or JPEG; and scanned PDFs that hold such images.
/// </summary>
public sealed class InvoiceSetGenerator(IBrowser browser)
{
    public const int InvoiceWidth = 720;

    public const int TextPageWidth = 640;

    /// <summary>The page image of the scanned PDF: a flatbed scan, slightly rotated, grey, JPEG.</summary>
    public static readonly Degradation ScanInPdf = new() { RotationDegrees = 0.6, Background = "#e2e2de", Blur = 0.3, JpegQuality = 85, Seed = 5 };

    /// <summary>Renders <paramref name="bodyHtml"/> on a page <paramref name="width"/> CSS pixels wide as an image at <paramref name="dpi"/>.</summary>
    public async Task<byte[]> RenderAsync(string bodyHtml, int width, int dpi, Degradation degradation)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 200 },
            DeviceScaleFactor = dpi / 96f,
        });
        try
        {
            var page = await context.NewPageAsync();
            await page.SetContentAsync(Document(bodyHtml, degradation));
            await page.EvaluateAsync("() => document.fonts.ready.then(() => window.drawSpecks())");
            var options = new PageScreenshotOptions
            {
                FullPage = true,
                Type = degradation.JpegQuality is null ? ScreenshotType.Png : ScreenshotType.Jpeg,
                OmitBackground = degradation.Background == "transparent",
            };
            if (degradation.JpegQuality is { } quality) options.Quality = quality;
            return await page.ScreenshotAsync(options);
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    public Task<byte[]> RenderInvoiceAsync(InvoiceData invoice, int dpi, Degradation degradation) =>
        RenderAsync(InvoiceHtml(invoice), InvoiceWidth, dpi, degradation);

    public Task<byte[]> RenderTextPageAsync(string text, int dpi, Degradation degradation) =>
        RenderAsync(TextPageHtml(text), TextPageWidth, dpi, degradation);

    /// <summary>A "scanned" PDF: one JPEG per page, filling an A4-wide page, no text layer.</summary>
    public static byte[] ScannedPdf(IEnumerable<(byte[] Jpeg, int WidthPx, int HeightPx)> pages)
    {
        var builder = new PdfDocumentBuilder();
        foreach (var (jpeg, widthPx, heightPx) in pages)
        {
            const double width = 595;
            var height = width * heightPx / widthPx;
            var page = builder.AddPage(width, height);
            page.AddJpeg(jpeg, new PdfRectangle(0, 0, width, height));
        }

        return builder.Build();
    }

    /// <summary>The size in pixels of a PNG or JPEG (for laying images out in a PDF).</summary>
    public static (int Width, int Height) ImageSize(byte[] image)
    {
        if (image[0] == 0x89) return (ReadBigEndian(image, 16), ReadBigEndian(image, 20));
        for (var i = 2; i + 9 < image.Length;)
        {
            if (image[i] != 0xFF) break;
            var marker = image[i + 1];
            var length = (image[i + 2] << 8) | image[i + 3];
            if (marker is >= 0xC0 and <= 0xC3) return ((image[i + 7] << 8) | image[i + 8], (image[i + 5] << 8) | image[i + 6]);
            i += 2 + length;
        }

        throw new InvalidDataException("not a PNG or baseline JPEG");
    }

    /// <summary>
    /// Writes the invoice-capture sample set to <paramref name="folder"/>: each sample invoice in one variant
    /// (300 dpi PNG, 150 dpi PNG, noisy 300 dpi JPEG, noisy 150 dpi JPEG), one noisy scanned PDF, and truth.json.
    /// </summary>
    public async Task<IReadOnlyList<(string File, InvoiceData Invoice)>> WriteInvoiceSetAsync(string folder)
    {
        Directory.CreateDirectory(folder);
        var samples = InvoiceData.Samples();
        var variants = new (int Dpi, Degradation Degradation)[]
        {
            (300, Degradation.Clean),
            (150, Degradation.Clean),
            (300, Degradation.Noisy),
            (150, Degradation.Noisy with { RotationDegrees = -0.8, Seed = 11 }),
        };
        var written = new List<(string, InvoiceData)>();
        for (var i = 0; i < samples.Count; i++)
        {
            var (dpi, degradation) = variants[i % variants.Length];
            var name = $"invoice-{i + 1:00}-{dpi}dpi{(degradation == Degradation.Clean ? "" : "-noisy")}{degradation.Extension}";
            await File.WriteAllBytesAsync(Path.Combine(folder, name), await RenderInvoiceAsync(samples[i], dpi, degradation));
            written.Add((name, samples[i]));
        }

        var scanned = samples[0] with { Vendor = "Harbor Freight Logistics", InvoiceNumber = "HFL-55120", Date = new DateOnly(2024, 9, 2), DateStyle = "dmy", Iban = "DE89 3704 0044 0532 0130 00", Currency = "EUR" };
        var jpeg = await RenderInvoiceAsync(scanned, 200, ScanInPdf);
        var (w, h) = ImageSize(jpeg);
        await File.WriteAllBytesAsync(Path.Combine(folder, "invoice-scanned.pdf"), ScannedPdf([(jpeg, w, h)]));
        written.Add(("invoice-scanned.pdf", scanned));

        var truth = written.Select(x => new Dictionary<string, object?>(x.Item2.Truth()) { ["file"] = x.Item1 }).ToList();
        await File.WriteAllTextAsync(Path.Combine(folder, "truth.json"), JsonSerializer.Serialize(truth, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        return written;
    }

    public static string InvoiceHtml(InvoiceData invoice)
    {
        string E(string s) => WebUtility.HtmlEncode(s);
        var rows = new StringBuilder();
        foreach (var (description, quantity, price) in invoice.Items)
        {
            rows.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(description)}</td><td class=n>{quantity}</td><td class=n>{invoice.Amount(price)}</td><td class=n>{invoice.Amount(quantity * price)}</td></tr>");
        }

        var taxLabel = invoice.Currency == "EUR" && invoice.GermanNumbers ? "VAT" : invoice.Currency == "USD" ? "Sales tax" : "VAT";
        return $$"""
            <style>
              .inv { font: 15px/1.45 "Liberation Sans", Arial, sans-serif; color: #1d1d1d; padding: 36px 44px; }
              .inv h1 { font-size: 26px; margin: 0 0 2px; }
              .inv .addr { color: #333; margin-bottom: 22px; }
              .inv .head { display: flex; justify-content: space-between; margin-bottom: 22px; }
              .inv .title { font-size: 22px; font-weight: bold; letter-spacing: 2px; margin-bottom: 8px; }
              .inv table.items { width: 100%; border-collapse: collapse; margin-bottom: 16px; }
              .inv table.items th { text-align: left; border-bottom: 1.5px solid #444; padding: 4px 6px; }
              .inv table.items td { padding: 4px 6px; }
              .inv .n { text-align: right; }
              .inv table.sum { margin-left: auto; border-collapse: collapse; }
              .inv table.sum td { padding: 3px 6px; }
              .inv table.sum tr.total td { font-weight: bold; border-top: 1.5px solid #444; }
              .inv .bank { margin-top: 26px; color: #333; }
            </style>
            <div class="inv">
              <h1>{{E(invoice.Vendor)}}</h1>
              <div class="addr">{{E(invoice.VendorAddress)}}</div>
              <div class="head">
                <div><b>Bill to:</b><br>{{E(invoice.Customer)}}</div>
                <div>
                  <div class="title">INVOICE</div>
                  <div>Invoice No: {{E(invoice.InvoiceNumber)}}</div>
                  <div>Invoice date: {{E(invoice.PrintedDate)}}</div>
                  <div>Currency: {{invoice.Currency}}</div>
                </div>
              </div>
              <table class="items">
                <tr><th>Description</th><th class=n>Qty</th><th class=n>Unit price</th><th class=n>Amount</th></tr>
                {{rows}}
              </table>
              <table class="sum">
                <tr><td>Net amount</td><td class=n>{{invoice.Amount(invoice.Net)}}</td></tr>
                <tr><td>{{taxLabel}} {{invoice.TaxRate.ToString("0.##", CultureInfo.InvariantCulture)}}%</td><td class=n>{{invoice.Amount(invoice.Tax)}}</td></tr>
                <tr class="total"><td>Total {{invoice.Currency}}</td><td class=n>{{invoice.Amount(invoice.Total)}}</td></tr>
              </table>
              <div class="bank">Please pay within 30 days to IBAN: {{E(invoice.Iban)}}</div>
            </div>
            """;
    }

    public static string TextPageHtml(string text) =>
        $$"""
        <style>.txt { font: 16px/1.5 "Liberation Serif", "Times New Roman", serif; color: #111; padding: 40px 44px; } .txt p { margin: 0; }</style>
        <div class="txt">{{string.Concat(text.Split('\n').Select(line => $"<p>{WebUtility.HtmlEncode(line)}</p>"))}}</div>
        """;

    private static string Document(string body, Degradation d) => $$"""
        <!doctype html>
        <html><head><meta charset="utf-8"><style>
          html, body { margin: 0; background: {{d.Background}}; }
          #paper { transform: rotate({{d.RotationDegrees.ToString(CultureInfo.InvariantCulture)}}deg); transform-origin: 50% 50%; filter: blur({{d.Blur.ToString(CultureInfo.InvariantCulture)}}px); padding: 12px 0; }
          #specks { position: absolute; left: 0; top: 0; pointer-events: none; }
        </style></head>
        <body><div id="paper">{{body}}</div><canvas id="specks"></canvas>
        <script>
          window.drawSpecks = () => {
            const density = {{d.Specks.ToString(CultureInfo.InvariantCulture)}};
            const canvas = document.getElementById('specks');
            const w = document.documentElement.scrollWidth, h = document.documentElement.scrollHeight;
            const ratio = window.devicePixelRatio;
            canvas.width = w * ratio; canvas.height = h * ratio; canvas.style.width = w + 'px'; canvas.style.height = h + 'px';
            if (density <= 0) return;
            let seed = {{d.Seed}} >>> 0;
            const random = () => { seed = (seed + 0x6D2B79F5) >>> 0; let t = seed; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
            const g = canvas.getContext('2d');
            g.scale(ratio, ratio);
            const count = Math.round(w * h * density);
            for (let i = 0; i < count; i++) {
              const shade = random() < 0.8 ? Math.floor(random() * 90) : 200 + Math.floor(random() * 55);
              g.fillStyle = `rgb(${shade},${shade},${shade})`;
              const size = 0.4 + random() * 1.3;
              g.fillRect(random() * w, random() * h, size, size);
            }
          };
        </script></body></html>
        """;

    private static int ReadBigEndian(byte[] bytes, int offset) =>
        (bytes[offset] << 24) | (bytes[offset + 1] << 16) | (bytes[offset + 2] << 8) | bytes[offset + 3];
}
