using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using UglyToad.PdfPig.Writer;

namespace Rpa.Activities.Documents;

[Activity("Documents", "Merge PDFs", Description = "Joins PDF files, in the order given, into one PDF (PdfPig). The result is written in one step.")]
public sealed class MergePdfs : Activity
{
    [Input(Required = true, Description = "The PDF files, such as [\"cover.pdf\", \"invoice.pdf\"]; relative paths are relative to the bot's folder.")]
    public Input<List<string>> Files { get; set; } = new();

    [Input(Required = true, Description = "The PDF to create or replace.")]
    public Input<string> SaveAs { get; set; } = new();

    [Output(Description = "The full path of the merged PDF.")]
    public Output<string> FilePath { get; set; } = new();

    [Output(Description = "The number of pages of the merged PDF.")]
    public Output<int> Pages { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var files = context.Get(Files) ?? [];
        if (files.Count == 0) throw new ActivityException("files is empty; give at least one PDF");
        var contents = files.Select(f => PdfFiles.Read(f, context.ResolvePath(f))).ToList();
        byte[] merged;
        try
        {
            merged = PdfMerger.Merge(contents);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ActivityException($"cannot merge the PDFs: {e.Message}", e);
        }

        var path = context.ResolvePath(context.Get(SaveAs));
        await PdfFiles.WriteAtomicallyAsync(path, merged, context.CancellationToken).ConfigureAwait(false);
        using var document = UglyToad.PdfPig.PdfDocument.Open(merged);
        context.AddArtifact(path);
        context.Set(FilePath, path);
        context.Set(Pages, document.NumberOfPages);
    }
}
