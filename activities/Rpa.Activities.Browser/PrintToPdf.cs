using Microsoft.Playwright;
using PaperFormat = Rpa.Activities.Documents.PaperFormat;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Print to PDF", Description = "Prints the current page to a PDF file (A4 or Letter, margins, background graphics) and lists it as an artifact.", Needs = [ActivityNeeds.Browser])]
public sealed class PrintToPdf : BrowserActivity
{
    [Input(Description = "Where to save it; relative paths are relative to the bot's folder. Empty: the run's artifacts folder.")]
    public Input<string> SaveAs { get; set; } = new("");

    [Input(Description = "A4, Letter, Legal, A3 or A5.")]
    public Input<PaperFormat> Format { get; set; } = new(PaperFormat.A4);

    [Input(Description = "Landscape instead of portrait.")]
    public Input<bool> Landscape { get; set; } = new(false);

    [Input(Description = "The margin on every side, as CSS (e.g. 15mm, 1cm, 0.5in).")]
    public Input<string> Margin { get; set; } = new("15mm");

    [Output(Description = "The full path of the PDF.")]
    public Output<string> FilePath { get; set; } = new();

    protected override async Task RunAsync(BrowserStep step)
    {
        var context = step.Context;
        var saveAs = context.Get(SaveAs);
        var path = saveAs.Length == 0 ? context.NewArtifactPath(".pdf") : context.ResolvePath(saveAs);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var margin = context.Get(Margin);
        var temporary = path + ".part";
        await step.Page.PdfAsync(new PagePdfOptions
        {
            Path = temporary,
            Format = context.Get(Format).ToString(),
            Landscape = context.Get(Landscape),
            PrintBackground = true,
            Margin = new Margin { Top = margin, Bottom = margin, Left = margin, Right = margin },
        }).ConfigureAwait(false);
        File.Move(temporary, path, overwrite: true);
        context.AddArtifact(path);
        context.Set(FilePath, path);
    }
}
