using Microsoft.Extensions.DependencyInjection;
using Rpa.Activities.Documents;
using Rpa.Engine.Execution;
using Rpa.Integration.Tests.Browser;
using UglyToad.PdfPig;

namespace Rpa.Integration.Tests.Documents;

[Collection(BrowserCollection.Name)]
public sealed class DocumentsPdfTests(BrowserFixture browser) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rpa-documents-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Renders_a_liquid_template_and_prints_it_with_page_numbers_on_letter_paper()
    {
        var pdf = Path.Combine(_folder, "letter.pdf");
        var bot = """
            {
              "format": 1, "name": "documents-test",
              "variables": [ { "name": "html", "type": "text" } ],
              "root": {
                "id": "main", "type": "Sequence",
                "activities": [
                  {
                    "id": "render", "type": "RenderTemplate",
                    "inputs": {
                      "template": "<h1>Hello {{ data.name }}</h1>{% for item in data.items %}<p style=\"page-break-after: always\">Item {{ item }}</p>{% endfor %}",
                      "data": { "name": "Ada & Grace", "items": ["Alpha", "Bravo"] }
                    },
                    "outputs": { "text": "html" }
                  },
                  {
                    "id": "print", "type": "ConvertHtmlToPdf",
                    "inputs": { "html": { "js": "html" }, "saveAs": "PDF_PATH", "format": "Letter", "margin": "20mm", "pageNumbers": true }
                  }
                ]
              }
            }
            """.Replace("PDF_PATH", pdf, StringComparison.Ordinal);

        var result = await browser.RunAsync(bot);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var pages = PdfText.Pages(pdf);
        pages.Should().HaveCount(2);
        pages[0].Should().Contain("Hello Ada & Grace").And.Contain("Item Alpha").And.Contain("Page 1 of 2");
        pages[1].Should().Contain("Item Bravo").And.Contain("Page 2 of 2");
        using var document = PdfDocument.Open(pdf);
        var page = document.GetPage(1);
        (Math.Round(page.Width), Math.Round(page.Height)).Should().Be((612, 792), "US Letter is 8.5 × 11 inches");
        Directory.GetFiles(_folder).Should().Equal(pdf);
    }

    [Fact]
    public async Task The_pooled_renderer_prints_many_documents_at_once_each_with_its_own_content()
    {
        var renderer = browser.Services.GetRequiredService<IHtmlPdfRenderer>();

        var pdfs = await Task.WhenAll(Enumerable.Range(1, 12).Select(i =>
            renderer.RenderAsync($"<html><body><h1>Document number {i}</h1></body></html>", new PdfPageSetup(), CancellationToken.None)));

        for (var i = 0; i < pdfs.Length; i++)
        {
            var path = Path.Combine(_folder, $"doc{i + 1}.pdf");
            await File.WriteAllBytesAsync(path, pdfs[i]);
            PdfText.All(path).Should().Be($"Document number {i + 1}");
            using var document = PdfDocument.Open(path);
            // A4 is 210 × 297 mm = 595.3 × 841.9 pt; Chromium rounds the page to whole CSS pixels (595.9 × 842.9).
            document.GetPage(1).Width.Should().BeApproximately(595.3, 1.5, "A4 is the default");
            document.GetPage(1).Height.Should().BeApproximately(841.9, 1.5, "A4 is the default");
        }
    }

    [Fact]
    public async Task A_missing_html_file_is_named_and_no_pdf_is_written()
    {
        var result = await browser.RunAsync("""
            { "format": 1, "name": "documents-test", "root": { "id": "print", "type": "ConvertHtmlToPdf", "inputs": { "htmlFile": "/nowhere/page.html", "saveAs": "/tmp/never-written.pdf" } } }
            """);

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().EndWith("the HTML file '/nowhere/page.html' (/nowhere/page.html) does not exist");
        File.Exists("/tmp/never-written.pdf").Should().BeFalse();
    }
}
