using Rpa.Activities.Browser;
using Rpa.Activities.Documents;
using Rpa.Activities.Invoicing;
using Rpa.Benchmarks.Running;
using UglyToad.PdfPig;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>
/// Invoice PDFs per second through Debian's Chromium: the built-in invoice template rendered by Fluid and printed by
/// <see cref="ChromiumPdfRenderer"/>, one at a time on one page versus several at once on the pooled pages.
/// </summary>
internal static class InvoiceScenarios
{
    public const int Invoices = 20;

    public const int PooledPages = 4;

    public static IEnumerable<Scenario> All()
    {
        yield return Scenario("invoice-pdf-sequential", pages: 1, parallel: false,
            $"Invoice PDFs per second, one after another: {Invoices} invoices (3 lines each) rendered with the built-in template and printed by ChromiumPdfRenderer with one page (PdfPages = 1), each awaited before the next.");
        yield return Scenario("invoice-pdf-pooled", pages: PooledPages, parallel: true,
            $"The same {Invoices} invoices started together on the pooled renderer (PdfPages = {PooledPages}): at most {PooledPages} print at once on reused pages, as Render invoice PDFs does.");
    }

    private static Scenario Scenario(string name, int pages, bool parallel, string description) => new()
    {
        Name = name,
        Description = description,
        Work = $"{Invoices} invoice PDFs, {(parallel ? $"pooled ({pages} pages)" : "sequential (1 page)")}",
        Items = Invoices,
        Unit = ("PDFs", "PDF"),
        Prepare = () =>
        {
            // One browser per scenario, like one per process in the runtime; it is started by the first (warm-up) render.
            var host = new BrowserHost(new BrowserOptions { PdfPages = pages });
            var renderer = new ChromiumPdfRenderer(host);
            var html = SampleInvoices().Select(i => InvoiceDocument.ToHtml(i)).ToList();
            var checkedOnce = false;
            return new Operation(
                async () =>
                {
                    byte[][] pdfs;
                    if (parallel)
                    {
                        pdfs = await Task.WhenAll(html.Select(h => renderer.RenderAsync(h, new PdfPageSetup(), CancellationToken.None))).ConfigureAwait(false);
                    }
                    else
                    {
                        pdfs = new byte[html.Count][];
                        for (var i = 0; i < html.Count; i++) pdfs[i] = await renderer.RenderAsync(html[i], new PdfPageSetup(), CancellationToken.None).ConfigureAwait(false);
                    }

                    if (!checkedOnce)
                    {
                        Check(pdfs);
                        checkedOnce = true;
                    }
                },
                $"Chromium at {host.Options.ExecutablePath}; the first operation's PDFs are checked for their invoice numbers with PdfPig");
        },
    };

    private static void Check(byte[][] pdfs)
    {
        for (var i = 0; i < pdfs.Length; i++)
        {
            using var document = PdfDocument.Open(pdfs[i]);
            var number = $"INV-BENCH-{i + 1:000000}";
            if (!document.GetPage(1).Text.Contains(number, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"PDF {i + 1} does not contain the text {number}; are fonts installed (fonts-liberation)?");
            }
        }
    }

    private static List<Invoice> SampleInvoices()
    {
        var seller = new InvoiceParty { Name = "Muster Software GmbH", Address = "Friedrichstraße 68\n10117 Berlin", TaxId = "DE999999999" };
        return Enumerable.Range(1, Invoices).Select(i => Invoice.Create(
            $"SO-{i}",
            seller,
            new InvoiceParty { Id = $"C-{i % 7}", Name = $"Customer {i % 7}", Address = "Hafenstraße 12\n20457 Hamburg", Email = "billing@example.com" },
            [
                new InvoiceLine { LineId = "1", Description = "Consulting", Quantity = 1.5m + i, Unit = "h", UnitPrice = 120m, TaxRate = 19 },
                new InvoiceLine { LineId = "2", Description = "Specialist book", Quantity = 2, UnitPrice = 39.99m, TaxRate = 7, Discount = 5 },
                new InvoiceLine { LineId = "3", Description = "Export service fee", Quantity = 1, UnitPrice = 75m, TaxRate = 0 },
            ],
            "EUR",
            new DateOnly(2026, 3, 2),
            new DateOnly(2026, 3, 16),
            "Payment within 14 days.") with { Number = $"INV-BENCH-{i:000000}" }).ToList();
    }
}
