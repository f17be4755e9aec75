using Rpa.Activities;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Activities.Data;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace Rpa.Engine.Tests.Activities.Documents;

public sealed class MergeAndSplitPdfTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Merges_pdfs_in_the_given_order_and_keeps_their_text()
    {
        WritePdf("a.pdf", "Alpha one", "Alpha two");
        WritePdf("b.pdf", "Bravo one");

        var result = await RunAsync("""{ "id": "merge", "type": "MergePdfs", "inputs": { "files": ["b.pdf", "a.pdf"], "saveAs": "out/all.pdf" }, "outputs": { "pages": "pages" } }""");

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["pages"].Should().Be(3m);
        Texts(_folder.File("out/all.pdf")).Should().Equal("Bravo one", "Alpha one", "Alpha two");
    }

    [Fact]
    public async Task Splits_a_pdf_into_one_file_per_page()
    {
        WritePdf("report.pdf", "Page one", "Page two", "Page three");

        var result = await RunAsync("""{ "id": "split", "type": "SplitPdf", "inputs": { "path": "report.pdf", "folder": "pages" } }""");

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        Texts(_folder.File("pages/report-1.pdf")).Should().Equal("Page one");
        Texts(_folder.File("pages/report-3.pdf")).Should().Equal("Page three");
        Directory.GetFiles(_folder.File("pages")).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_missing_file_is_named_and_nothing_is_written()
    {
        WritePdf("a.pdf", "Alpha");

        var result = await RunAsync("""{ "id": "merge", "type": "MergePdfs", "inputs": { "files": ["a.pdf", "missing.pdf"], "saveAs": "all.pdf" } }""");

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().EndWith($"the PDF file 'missing.pdf' ({_folder.File("missing.pdf")}) does not exist");
        _folder.Files().Should().Equal("a.pdf");
    }

    private static List<string> Texts(string path)
    {
        using var document = PdfDocument.Open(path);
        return document.GetPages().Select(p => p.Text).ToList();
    }

    private void WritePdf(string name, params string[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pages) builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText(text, 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        File.WriteAllBytes(_folder.File(name), builder.Build());
    }

    private async Task<RunResult> RunAsync(string activity)
    {
        var host = new BotTestHost(ActivityRegistry.CreateDefault().AddBuiltInActivities());
        var json = $$"""{ "format": 1, "name": "pdf-test", "outputs": [ { "name": "pages", "type": "number" } ], "root": {{activity}} }""";
        var compiled = host.Compiler.CompileOrThrow(Rpa.Engine.Serialization.BotJson.Parse(json), _folder.Path);
        return await host.RunAsync(compiled);
    }
}
