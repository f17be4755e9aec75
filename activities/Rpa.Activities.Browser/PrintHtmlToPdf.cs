using Microsoft.Playwright;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Browser;

/// <summary>
/// Turns HTML documents (payslips, letters, reports made with a Liquid template) into PDF files with the process-wide Chromium, in a
/// browser context of its own that loads nothing from the network. All PDFs are made in a hidden folder first and moved in at the end,
/// so a failure leaves none of them behind.
/// </summary>
[Activity("Browser", "Print HTML to PDF", Description = "Prints HTML documents to PDF files with Chromium (no open browser needed). Each item is { FileName, Html }, as Render payslips makes them. External resources are not loaded: inline the CSS and images. The files appear only when all of them are made.")]
public sealed class PrintHtmlToPdf : Activity
{
    [Input(Required = true, Description = "The documents: a list of objects { FileName: \"a.pdf\", Html: \"<html>...\" }; file names must be plain names, unique.")]
    public Input<List<object?>> Documents { get; set; } = new();

    [Input(Required = true, Description = "The folder for the PDF files; relative to the bot's folder. It is created if missing; files of the same name are replaced.")]
    public Input<string> Folder { get; set; } = new();

    [Input(Description = "A4, Letter, Legal, A3 or A5.")]
    public Input<PaperFormat> Format { get; set; } = new(PaperFormat.A4);

    [Input(Description = "The margin on every side, as CSS (e.g. 15mm, 1cm, 0.5in).")]
    public Input<string> Margin { get; set; } = new("15mm");

    [Output(Description = "The full paths of the PDF files, in the order of the documents.")]
    public Output<List<string>> Files { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var documents = Read(context.Get(Documents) ?? throw new ActivityException("documents is empty (null); give a list of { FileName, Html }"));
        var given = context.Get(Folder);
        var folder = context.ResolvePath(given);
        var staging = Path.Combine(Path.GetDirectoryName(folder.TrimEnd(Path.DirectorySeparatorChar)) ?? folder, $".{Path.GetFileName(folder.TrimEnd(Path.DirectorySeparatorChar))}.{Guid.NewGuid():N}.tmp");
        var margin = context.Get(Margin);
        var format = context.Get(Format).ToString();
        var host = context.GetRequiredService<BrowserHost>();
        try
        {
            Directory.CreateDirectory(staging);
            var browser = await host.GetBrowserAsync(context.CancellationToken).ConfigureAwait(false);
            var browserContext = await browser.NewContextAsync(new BrowserNewContextOptions { JavaScriptEnabled = false }).ConfigureAwait(false);
            await using (browserContext.ConfigureAwait(false))
            {
                // Nothing is fetched: a document with a link to a stylesheet or an image prints without it.
                await browserContext.RouteAsync("**/*", route => route.AbortAsync()).ConfigureAwait(false);
                var page = await browserContext.NewPageAsync().ConfigureAwait(false);
                foreach (var (fileName, html) in documents)
                {
                    context.CancellationToken.ThrowIfCancellationRequested();
                    await page.SetContentAsync(html).ConfigureAwait(false);
                    await page.PdfAsync(new PagePdfOptions
                    {
                        Path = Path.Combine(staging, fileName),
                        Format = format,
                        PrintBackground = true,
                        Margin = new Margin { Top = margin, Bottom = margin, Left = margin, Right = margin },
                    }).ConfigureAwait(false);
                }
            }

            Directory.CreateDirectory(folder);
            var files = new List<string>();
            foreach (var (fileName, _) in documents)
            {
                var target = Path.Combine(folder, fileName);
                File.Move(Path.Combine(staging, fileName), target, overwrite: true);
                files.Add(target);
            }

            context.Set(Files, files);
        }
        catch (PlaywrightException e)
        {
            throw new ActivityException($"Chromium could not print the documents to {given}: {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ActivityException($"cannot write the PDF files to {given}: {e.Message}", e);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    private static List<(string FileName, string Html)> Read(List<object?> items)
    {
        var documents = new List<(string, string)>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            if (ValueConverter.Normalize(items[i]) is not IReadOnlyDictionary<string, object?> item)
            {
                throw new ActivityException($"documents[{i}]: expected an object {{ FileName, Html }}, not {DataTypes.Describe(items[i])}");
            }

            var fileName = Field(item, "FileName");
            var html = Field(item, "Html");
            if (fileName.Length == 0 || fileName != Path.GetFileName(fileName) || fileName.StartsWith('.') || fileName.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            {
                throw new ActivityException($"documents[{i}]: the file name '{fileName}' must be a plain file name such as payslip-E001.pdf");
            }

            if (!names.Add(fileName)) throw new ActivityException($"documents[{i}]: the file name '{fileName}' is used twice");
            documents.Add((fileName, html));
        }

        return documents;
    }

    private static string Field(IReadOnlyDictionary<string, object?> item, string name)
    {
        foreach (var (key, value) in item)
        {
            if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase)) return ValueConverter.ToText(value);
        }

        return "";
    }

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A hidden, uniquely named leftover does no harm.
        }
    }
}
