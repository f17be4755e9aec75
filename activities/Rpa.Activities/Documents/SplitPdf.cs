using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Writer;

namespace Rpa.Activities.Documents;

[Activity("Documents", "Split PDF", Description = "Writes each page of a PDF as its own file ({name}-1.pdf, {name}-2.pdf, ...) into a folder (PdfPig). Either every page is written or none.")]
public sealed class SplitPdf : Activity
{
    [Input(Required = true, Description = "The PDF to split; a relative path is relative to the bot's folder.")]
    public Input<string> Path { get; set; } = new();

    [Input(Required = true, Description = "The folder for the pages; created when missing. Files of the same names are replaced.")]
    public Input<string> Folder { get; set; } = new();

    [Output(Description = "The full paths of the page files, in page order.")]
    public Output<List<string>> Files { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var given = context.Get(Path);
        var content = PdfFiles.Read(given, context.ResolvePath(given));
        int pages;
        try
        {
            using var document = PdfDocument.Open(content);
            pages = document.NumberOfPages;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ActivityException($"'{given}' is not a readable PDF: {e.Message}", e);
        }

        var folder = context.ResolvePath(context.Get(Folder));
        var name = System.IO.Path.GetFileNameWithoutExtension(given);
        var parts = new List<byte[]>(pages);
        for (var page = 1; page <= pages; page++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            parts.Add(PdfMerger.Merge([content], [[page]]));
        }

        // Everything is in memory before the first file is written, so a bad page writes nothing.
        var files = new List<string>(pages);
        for (var page = 1; page <= pages; page++)
        {
            var file = System.IO.Path.Combine(folder, $"{name}-{page}.pdf");
            await PdfFiles.WriteAtomicallyAsync(file, parts[page - 1], context.CancellationToken).ConfigureAwait(false);
            files.Add(file);
        }

        context.Set(Files, files);
    }
}
