using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Documents;

[Activity("Documents", "Convert HTML to PDF", Description = "Prints HTML to a PDF through the runtime's Chromium (pooled pages, bounded concurrency): A4 or Letter, margins, header and footer with page numbers.", Needs = [ActivityNeeds.Browser])]
public sealed class ConvertHtmlToPdf : Activity
{
    [Input(Description = "The HTML. Give this or HtmlFile. Images and fonts must be inline (data: URLs) or on a web address.")]
    public Input<string> Html { get; set; } = new("");

    [Input(Description = "An HTML file; a relative path is relative to the bot's folder. Used when Html is empty.")]
    public Input<string> HtmlFile { get; set; } = new("");

    [Input(Required = true, Description = "The PDF to create or replace; a relative path is relative to the bot's folder. Written in one step.")]
    public Input<string> SaveAs { get; set; } = new();

    [Input(Description = "A4, Letter, Legal, A3 or A5.")]
    public Input<PaperFormat> Format { get; set; } = new(PaperFormat.A4);

    [Input(Description = "Landscape instead of portrait.")]
    public Input<bool> Landscape { get; set; } = new(false);

    [Input(Description = "The margin on every side, as CSS (e.g. 20mm, 1cm, 0.75in). Leave room for a header or footer.")]
    public Input<string> Margin { get; set; } = new("20mm");

    [Input(Description = "HTML at the top of every page; elements with class pageNumber, totalPages, date or title are filled in. Inline styles; set the font size.")]
    public Input<string> Header { get; set; } = new("");

    [Input(Description = "HTML at the bottom of every page, like Header. Empty with PageNumbers on: \"Page n of m\".")]
    public Input<string> Footer { get; set; } = new("");

    [Input(Description = "Print \"Page n of m\" at the bottom when no footer is given.")]
    public Input<bool> PageNumbers { get; set; } = new(false);

    [Output(Description = "The full path of the PDF.")]
    public Output<string> FilePath { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var html = context.Get(Html);
        if (html.Length == 0)
        {
            var file = context.Get(HtmlFile);
            if (file.Length == 0) throw new ActivityException("give the HTML (html) or an HTML file (htmlFile)");
            var full = context.ResolvePath(file);
            if (!File.Exists(full)) throw new ActivityException($"the HTML file '{file}' ({full}) does not exist");
            html = await File.ReadAllTextAsync(full, context.CancellationToken).ConfigureAwait(false);
        }

        var footer = context.Get(Footer);
        if (footer.Length == 0 && context.Get(PageNumbers)) footer = PdfPageSetup.PageNumberFooter;
        var page = new PdfPageSetup { Format = context.Get(Format), Landscape = context.Get(Landscape), Header = context.Get(Header), Footer = footer }
            .WithMargin(context.Get(Margin));
        var path = context.ResolvePath(context.Get(SaveAs));
        var pdf = await Renderer(context).RenderAsync(html, page, context.CancellationToken).ConfigureAwait(false);
        await PdfFiles.WriteAtomicallyAsync(path, pdf, context.CancellationToken).ConfigureAwait(false);
        context.AddArtifact(path);
        context.Set(FilePath, path);
    }

    /// <summary>The runtime's HTML printer, or a clear error when the browser activities are not part of it.</summary>
    internal static IHtmlPdfRenderer Renderer(ActivityContext context) =>
        context.GetService<IHtmlPdfRenderer>()
        ?? throw new ActivityException("printing HTML to PDF needs Chromium, which the browser activities provide; add them to the runtime (rpa.AddBrowserActivities())");
}
