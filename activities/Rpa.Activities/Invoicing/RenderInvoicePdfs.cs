using Rpa.Activities.Documents;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Invoicing;

[Activity("Invoicing", "Render invoice PDFs", Description = "Prints each numbered invoice to {number}.pdf through the runtime's Chromium, several at a time, with the built-in template or a custom Liquid template. The PDFs are made in a hidden folder and moved into place only when all succeeded.", Needs = [ActivityNeeds.Browser])]
public sealed class RenderInvoicePdfs : Activity
{
    [Input(Required = true, Description = "The numbered invoices (from Issue invoice numbers).")]
    public Input<List<object?>> Invoices { get; set; } = new();

    [Input(Required = true, Description = "The folder for the PDFs; a relative path is relative to the bot's folder. PDFs of the same numbers are replaced.")]
    public Input<string> Folder { get; set; } = new();

    [Input(Description = "A custom Liquid template file (see docs/invoicing.md for its variables); empty: the built-in template.")]
    public Input<string> Template { get; set; } = new("");

    [Input(Description = "A4, Letter, Legal, A3 or A5.")]
    public Input<PaperFormat> Format { get; set; } = new(PaperFormat.A4);

    [Input(Description = "Print \"Invoice {number} · Page n of m\" at the bottom of every page.")]
    public Input<bool> PageNumbers { get; set; } = new(true);

    [Output(Description = "The full paths of the PDFs, in the order of the invoices.")]
    public Output<List<string>> Files { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var invoices = InvoiceValues.Numbered(context.Get(Invoices));
        var folder = context.ResolvePath(context.Get(Folder));
        var templateFile = context.Get(Template);
        var template = templateFile.Length == 0 ? InvoiceDocument.Default : DocumentTemplate.Load(templateFile, context.ResolvePath(templateFile));
        var format = context.Get(Format);
        var pageNumbers = context.Get(PageNumbers);
        var renderer = ConvertHtmlToPdf.Renderer(context);
        var duplicate = invoices.GroupBy(i => i.Number).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null) throw new ActivityException($"the invoice number {duplicate.Key} appears {duplicate.Count()} times; each invoice needs its own number");

        var staging = Path.Combine(folder, $".rendering-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var html = invoices.Select(i => InvoiceDocument.ToHtml(i, template)).ToList();
            var files = await Task.WhenAll(invoices.Select(async (invoice, index) =>
            {
                var page = new PdfPageSetup { Format = format, Footer = pageNumbers ? Footer(invoice) : "" };
                var pdf = await renderer.RenderAsync(html[index], page, context.CancellationToken).ConfigureAwait(false);
                var file = Path.Combine(staging, FileName(invoice));
                await File.WriteAllBytesAsync(file, pdf, context.CancellationToken).ConfigureAwait(false);
                return file;
            })).ConfigureAwait(false);

            var targets = new List<string>(files.Length);
            foreach (var file in files)
            {
                var target = Path.Combine(folder, Path.GetFileName(file));
                File.Move(file, target, overwrite: true);
                targets.Add(target);
            }

            context.Set(Files, targets);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ActivityException($"cannot write the invoice PDFs to {folder}: {e.Message}", e);
        }
        finally
        {
            try
            {
                Directory.Delete(staging, recursive: true);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A hidden leftover folder does no harm.
            }
        }
    }

    /// <summary>The PDF's file name: the invoice number with characters unsafe in file names replaced by '_'.</summary>
    public static string FileName(Invoice invoice)
    {
        var invalid = Path.GetInvalidFileNameChars();
        return new string(invoice.Number.Select(c => invalid.Contains(c) || c == '\\' ? '_' : c).ToArray()) + ".pdf";
    }

    private static string Footer(Invoice invoice) =>
        "<div style=\"width:100%;font-size:8pt;font-family:'Liberation Sans',Arial,sans-serif;color:#555;text-align:center\">Invoice "
        + System.Net.WebUtility.HtmlEncode(invoice.Number)
        + " · Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>";
}
