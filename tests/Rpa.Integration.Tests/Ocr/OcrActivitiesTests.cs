using System.Text.Json;
using Rpa.Engine.Execution;

namespace Rpa.Integration.Tests.Ocr;

/// <summary>The OCR activities in bots, with the real Tesseract and Chromium.</summary>
[Collection(OcrCollection.Name)]
public sealed class OcrActivitiesTests(OcrFixture ocr)
{
    private const string InvoiceFields = """
        {
          "vendor": { "pattern": "text" },
          "invoiceNumber": { "anchor": ["Invoice No", "Invoice number", "Invoice #"], "pattern": "invoiceNumber" },
          "date": { "anchor": ["Invoice date", "Date"], "pattern": "date" },
          "currency": { "anchor": "Currency", "pattern": "currency" },
          "net": { "anchor": ["Net amount", "Subtotal", "Net"], "pattern": "amount" },
          "tax": { "anchor": ["VAT", "Sales tax", "Tax"], "pattern": "amount" },
          "total": { "anchor": ["Total", "Amount due"], "pattern": "amount" },
          "iban": "iban"
        }
        """;

    [Fact]
    public async Task Read_image_text_reads_a_file_and_base64_bytes_into_text_words_and_confidence()
    {
        var image = await ocr.ImageAsync("text-150-clean", g => g.RenderTextPageAsync(TextPages.Create(1), 150, Degradation.Clean));
        var path = ocr.Save("page.png", image);
        var base64 = Convert.ToBase64String(image);

        var result = await ocr.RunAsync($$"""
            { "name": "read", "outputs": [ { "name": "text", "type": "text" }, { "name": "words", "type": "list" }, { "name": "confidence", "type": "number" }, { "name": "again", "type": "text" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "file", "type": "ReadImageText", "inputs": { "path": "{{path}}" }, "outputs": { "text": "text", "words": "words", "confidence": "confidence" } },
                { "id": "bytes", "type": "ReadImageText", "inputs": { "base64": "data:image/png;base64,{{base64}}" }, "outputs": { "text": "again" } }
              ] } }
            """);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var text = (string)result.Outputs["text"]!;
        CharacterErrorRate.Of(text, TextPages.Create(1)).Should().BeLessThan(0.01);
        result.Outputs["again"].Should().Be(text);
        ((decimal)result.Outputs["confidence"]!).Should().BeInRange(0.85m, 1m);
        var first = (Dictionary<string, object?>)((List<object?>)result.Outputs["words"]!)[0]!;
        first.Keys.Should().Contain(["text", "x", "y", "width", "height", "confidence"]);
    }

    [Fact]
    public async Task Read_image_text_on_a_blank_page_fails_unless_empty_pages_are_allowed()
    {
        var blank = ocr.Save("blank.png", await ocr.ImageAsync("blank", g => g.RenderAsync("<div style='height: 400px'></div>", 500, 150, Degradation.Clean)));

        var failed = await ocr.RunAsync($$"""
            { "name": "blank", "root": { "id": "read", "type": "ReadImageText", "inputs": { "path": "{{blank}}" } } }
            """);
        var allowed = await ocr.RunAsync($$"""
            { "name": "blank", "outputs": [ { "name": "text", "type": "text" } ],
              "root": { "id": "read", "type": "ReadImageText", "inputs": { "path": "{{blank}}", "allowEmpty": true }, "outputs": { "text": "text" } } }
            """);

        failed.Status.Should().Be(RunStatus.Failed);
        failed.Error!.Message.Should().Be($"no text was found in the image {blank} (781×663 pixels); if it has text, try preprocess: all, or another page segmentation (SparseText); set allowEmpty to accept empty pages");
        allowed.Status.Should().Be(RunStatus.Succeeded, allowed.ErrorMessage);
        allowed.Outputs["text"].Should().Be("");
    }

    [Fact]
    public async Task Read_image_text_on_a_damaged_file_names_the_file_and_the_problem()
    {
        var image = await ocr.ImageAsync("text-150-clean", g => g.RenderTextPageAsync(TextPages.Create(1), 150, Degradation.Clean));
        var path = ocr.Save("damaged.png", image[..500]);

        var result = await ocr.RunAsync($$"""{ "name": "damaged", "root": { "id": "read", "type": "ReadImageText", "inputs": { "path": "{{path}}" } } }""");

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("read");
        result.Error.Message.Should().Be($"the image {path} is a damaged or truncated PNG image (500 bytes) that cannot be decoded");
    }

    [Fact]
    public async Task Extract_fields_finds_vendor_number_date_currency_amounts_and_iban_on_scans_of_every_quality()
    {
        var samples = InvoiceData.Samples();
        var variants = new[] { (300, Degradation.Clean), (150, Degradation.Clean), (300, Degradation.Noisy), (150, Degradation.Noisy with { RotationDegrees = -0.8, Seed = 11 }) };
        for (var i = 0; i < samples.Count; i++)
        {
            var (dpi, degradation) = variants[i];
            var invoice = samples[i];
            var image = await ocr.ImageAsync($"invoice-{i}", g => g.RenderInvoiceAsync(invoice, dpi, degradation));
            var path = ocr.Save($"invoice-{i}{degradation.Extension}", image);

            var result = await ocr.RunAsync($$"""
                { "name": "fields", "outputs": [ { "name": "ocr", "type": "text" }, { "name": "values", "type": "object" }, { "name": "confidences", "type": "object" }, { "name": "details", "type": "list" } ],
                  "root": { "id": "main", "type": "Sequence", "activities": [
                    { "id": "read", "type": "ReadImageText", "inputs": { "path": "{{path}}", "preprocess": "{{(degradation == Degradation.Clean ? "none" : "all")}}" }, "outputs": { "words": "words", "text": "ocr" } },
                    { "id": "extract", "type": "ExtractFields", "inputs": { "words": { "js": "words" }, "fields": {{InvoiceFields}} },
                      "outputs": { "values": "values", "confidences": "confidences", "details": "details" } }
                  ] },
                  "variables": [ { "name": "words", "type": "list" } ] }
                """);

            result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
            var values = (Dictionary<string, object?>)result.Outputs["values"]!;
            var details = JsonSerializer.Serialize(result.Outputs["details"]);
            values.Should().BeEquivalentTo(invoice.Truth(), $"invoice {i + 1} at {dpi} dpi{(degradation == Degradation.Clean ? "" : ", noisy")}: {details}\n{result.Outputs["ocr"]}");
            var confidences = (Dictionary<string, object?>)result.Outputs["confidences"]!;
            var lowest = degradation == Degradation.Clean ? 0.6m : 0.2m;
            confidences.Values.Should().OnlyContain(c => (decimal)c! >= lowest && (decimal)c! <= 1m, details);
        }
    }

    [Fact]
    public async Task Extract_fields_from_plain_text_reads_common_date_and_amount_forms_and_reports_what_is_missing()
    {
        var result = await ocr.RunAsync("""
            { "name": "text-fields", "outputs": [ { "name": "values", "type": "object" }, { "name": "missing", "type": "list" }, { "name": "details", "type": "list" } ],
              "root": { "id": "extract", "type": "ExtractFields",
                "inputs": {
                  "text": "Globex Corporation\nInvoice #: A-000512   Due date: 04/14/2024\nDate: March 15, 2024\nSubtotal: $1,234.50\nTax (10%): $123.45\nTotal due USD 1,357.95\nPay to IBAN GB82 WEST 1234 5698 7654 33 or GB82 WEST 1234 5698 7654 32",
                  "dateOrder": "MonthFirst",
                  "fields": {
                    "vendor": { "pattern": "text" },
                    "number": { "anchor": "Invoice #", "pattern": "invoiceNumber" },
                    "date": { "anchor": "Date", "pattern": "date", "direction": "right" },
                    "due": { "anchor": "Due date", "pattern": "date" },
                    "net": { "anchor": "Subtotal", "pattern": "amount" },
                    "tax": { "anchor": "Tax", "pattern": "amount" },
                    "total": { "anchor": ["Amount due", "Total due"], "pattern": "amount" },
                    "currency": "currency",
                    "iban": "iban",
                    "po": { "anchor": "PO number", "regex": "PO-(\\d+)" }
                  } },
                "outputs": { "values": "values", "missing": "missing", "details": "details" } } }
            """);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var values = (Dictionary<string, object?>)result.Outputs["values"]!;
        values.Should().BeEquivalentTo(new Dictionary<string, object?>
        {
            ["vendor"] = "Globex Corporation", ["number"] = "A-000512", ["date"] = "2024-03-15", ["due"] = "2024-04-14",
            ["net"] = 1234.50m, ["tax"] = 123.45m, ["total"] = 1357.95m, ["currency"] = "USD", ["iban"] = "GB82WEST12345698765433", ["po"] = null,
        });
        result.Outputs["missing"].Should().BeEquivalentTo(new List<object?> { "po" });
        var details = ((List<object?>)result.Outputs["details"]!).Cast<Dictionary<string, object?>>().ToDictionary(d => (string)d["name"]!);
        details["po"]["reason"].Should().Be("'PO number' does not appear in the document");
        details["iban"]["reason"].Should().Be("IBAN; the IBAN's check digits do not match (misread?)");
        ((decimal)details["iban"]["confidence"]!).Should().BeLessThan(0.5m);
        details["total"]["confidence"].Should().Be(1m);
    }

    [Fact]
    public async Task Extract_fields_rejects_an_unknown_pattern_before_the_bot_runs()
    {
        var act = () => ocr.RunAsync("""
            { "name": "bad", "root": { "id": "extract", "type": "ExtractFields", "inputs": { "text": "x", "fields": { "total": { "anchor": "Total", "pattern": "money" } } } } }
            """);

        (await act.Should().ThrowAsync<Exception>()).Which.Message.Should()
            .Contain("extract").And.Contain("fields.total.pattern: 'money' is not a pattern; use text, date, amount, number, invoiceNumber, iban, currency, email or regex");
    }

    [Fact]
    public async Task Read_pdf_text_uses_the_text_layer_of_digital_pages_and_ocr_for_scanned_ones()
    {
        var invoice = InvoiceData.Samples()[0];
        var jpeg = await ocr.ImageAsync("scan-200", g => g.RenderInvoiceAsync(invoice, 200, InvoiceSetGenerator.ScanInPdf));
        var (w, h) = InvoiceSetGenerator.ImageSize(jpeg);
        var scanned = ocr.Save("scanned.pdf", InvoiceSetGenerator.ScannedPdf([(jpeg, w, h)]));
        var digital = ocr.Save("digital.pdf", await DigitalPdfAsync("<h1>Quarterly report</h1><p>Revenue grew by 12 percent.</p>"));
        var notPdf = ocr.Save("notes.pdf", "just text"u8.ToArray());

        var result = await ocr.RunAsync($$"""
            { "name": "pdfs", "outputs": [ { "name": "scan", "type": "text" }, { "name": "scanPages", "type": "number" }, { "name": "digital", "type": "text" }, { "name": "digitalPages", "type": "list" }, { "name": "values", "type": "object" } ],
              "variables": [ { "name": "words", "type": "list" } ],
              "root": { "id": "main", "type": "Sequence", "activities": [
                { "id": "scan", "type": "ReadPdfText", "inputs": { "path": "{{scanned}}", "preprocess": "all" }, "outputs": { "text": "scan", "ocrPages": "scanPages", "words": "words" } },
                { "id": "fields", "type": "ExtractFields", "inputs": { "words": { "js": "words" }, "fields": {{InvoiceFields}} }, "outputs": { "values": "values" } },
                { "id": "digital", "type": "ReadPdfText", "inputs": { "path": "{{digital}}" }, "outputs": { "text": "digital", "pages": "digitalPages" } }
              ] } }
            """);
        var broken = await ocr.RunAsync($$"""{ "name": "broken", "root": { "id": "read", "type": "ReadPdfText", "inputs": { "path": "{{notPdf}}" } } }""");

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["scanPages"].Should().Be(1m);
        ((string)result.Outputs["scan"]!).Should().Contain("Invoice No: INV-2024-0042");
        ((Dictionary<string, object?>)result.Outputs["values"]!).Should().BeEquivalentTo(invoice.Truth(), (string)result.Outputs["scan"]!);
        result.Outputs["digital"].Should().Be("Quarterly report\nRevenue grew by 12 percent.");
        var page = (Dictionary<string, object?>)((List<object?>)result.Outputs["digitalPages"]!)[0]!;
        page["source"].Should().Be("text");
        broken.Error!.Message.Should().Be($"{notPdf} is not a PDF (it does not start with %PDF)");
    }

    private async Task<byte[]> DigitalPdfAsync(string html)
    {
        var browser = await ocr.BrowserAsync();
        var page = await browser.NewPageAsync();
        try
        {
            await page.SetContentAsync($"<html><body style='font-family: Liberation Sans'>{html}</body></html>");
            return await page.PdfAsync();
        }
        finally
        {
            await page.CloseAsync();
        }
    }
}
