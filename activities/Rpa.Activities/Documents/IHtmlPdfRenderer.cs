namespace Rpa.Activities.Documents;

/// <summary>
/// Prints HTML to PDF. The browser activities provide it (Chromium, see Rpa.Activities.Browser.ChromiumPdfRenderer);
/// implementations bound how many documents print at once, so callers may start many renders together.
/// </summary>
public interface IHtmlPdfRenderer
{
    /// <summary>The PDF of <paramref name="html"/> laid out on <paramref name="page"/>.</summary>
    Task<byte[]> RenderAsync(string html, PdfPageSetup page, CancellationToken cancellationToken);
}
