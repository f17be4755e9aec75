using Rpa.Engine.Execution;
using UglyToad.PdfPig;

namespace Rpa.Integration.Tests.Browser;

[Collection(BrowserCollection.Name)]
public sealed class PrintHtmlToPdfTests(BrowserFixture browser) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rpa-print-html-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Bot(string documents) => $$"""
        {
          "name": "print-html",
          "outputs": [ { "name": "files", "type": "list" } ],
          "root": {
            "id": "print", "type": "PrintHtmlToPdf",
            "inputs": { "documents": {{documents}}, "folder": "pdf" },
            "outputs": { "files": "files" }
          }
        }
        """;

    [Fact]
    public async Task Prints_each_document_to_its_own_pdf_without_loading_anything_from_the_network()
    {
        var documents = """
            [ { "FileName": "a.pdf", "Html": "<h1>First letter</h1><img src='http://127.0.0.1:9/never.png'>" },
              { "FileName": "b.pdf", "Html": "<p>Second letter, 1,234.50 EUR</p>" } ]
            """;

        var result = await browser.RunAsync(Bot(documents), location: _folder);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        ((IEnumerable<object?>)result.Outputs["files"]!).Should().Equal(Path.Combine(_folder, "pdf", "a.pdf"), Path.Combine(_folder, "pdf", "b.pdf"));
        using (var a = PdfDocument.Open(Path.Combine(_folder, "pdf", "a.pdf"))) a.GetPage(1).Text.Should().Contain("First letter");
        using (var b = PdfDocument.Open(Path.Combine(_folder, "pdf", "b.pdf"))) b.GetPage(1).Text.Should().Contain("1,234.50 EUR");
        Directory.GetDirectories(_folder).Should().Equal(Path.Combine(_folder, "pdf"));
    }

    [Fact]
    public async Task A_file_name_with_a_folder_is_rejected_and_nothing_is_written()
    {
        var result = await browser.RunAsync(Bot("""[ { "FileName": "ok.pdf", "Html": "x" }, { "FileName": "../escape.pdf", "Html": "y" } ]"""), location: _folder);

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().EndWith("documents[1]: the file name '../escape.pdf' must be a plain file name such as payslip-E001.pdf");
        Directory.EnumerateFileSystemEntries(_folder).Should().BeEmpty();
    }
}
