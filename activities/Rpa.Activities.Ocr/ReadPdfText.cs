using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;

namespace Rpa.Activities.Ocr;

[Activity("OCR", "Read PDF text", Description = "Reads the text of a PDF: digital pages by their text layer (PdfPig), scanned pages by OCR of their image. Gives the text, each page's text and source, and words with boxes for 'Extract fields'.", Needs = [ActivityNeeds.Ocr])]
public sealed class ReadPdfText : Activity
{
    [Input(Required = true, Description = "The PDF file; a relative path is relative to the bot's folder.")]
    public Input<string> Path { get; set; } = new();

    [Input(Description = "When to use OCR: Auto (pages without a text layer), Never, Always.")]
    public Input<PdfOcrMode> Ocr { get; set; } = new(PdfOcrMode.Auto);

    [Input(Description = "With Ocr = Auto: a page with fewer letters than this in its text layer is read with OCR.")]
    public Input<int> MinimumLetters { get; set; } = new(20);

    [Input(Description = OcrInputs.LanguagesDescription)]
    public Input<string> Languages { get; set; } = new("");

    [Input(Description = OcrInputs.SegmentationDescription)]
    public Input<PageSegmentationMode?> PageSegmentation { get; set; } = new();

    [Input(Description = OcrInputs.PreprocessDescription)]
    public Input<string> Preprocess { get; set; } = new("");

    [Output(Description = "The text of all pages, pages separated by an empty line.")]
    public Output<string> Text { get; set; } = new();

    [Output(Description = "Per page: { page, text, source (text or ocr), confidence }.")]
    public Output<List<object?>> Pages { get; set; } = new();

    [Output(Description = "Every word: { text, x, y, width, height, confidence, page }; x and y from the page's top left, in points (text layer) or image pixels (OCR).")]
    public Output<List<object?>> Words { get; set; } = new();

    [Output(Description = "The lowest page confidence, 0–1 (1 for text-layer pages).")]
    public Output<decimal> Confidence { get; set; } = new();

    [Output(Description = "How many pages were read with OCR.")]
    public Output<int> OcrPages { get; set; } = new();

    public override IEnumerable<string> Validate() => OcrInputs.Check(Preprocess);

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var given = context.Get(Path);
        var file = context.ResolvePath(given);
        var name = file == given ? given : $"{given} ({file})";
        if (!File.Exists(file)) throw new ActivityException($"the PDF {name} does not exist");
        var mode = context.Get(Ocr);
        var minimum = context.Get(MinimumLetters);
        var request = OcrInputs.Request(context.Get(Languages), context.Get(PageSegmentation), context.Get(Preprocess));
        var bytes = await File.ReadAllBytesAsync(file, context.CancellationToken).ConfigureAwait(false);
        if (bytes.Length < 5 || bytes.AsSpan(0, Math.Min(1024, bytes.Length)).IndexOf("%PDF"u8) < 0)
        {
            throw new ActivityException($"{name} is not a PDF (it does not start with %PDF)");
        }

        var texts = new List<string>();
        var pages = new List<object?>();
        var words = new List<object?>();
        var lowest = 1.0;
        var ocrPages = 0;
        PdfDocument document;
        try
        {
            document = PdfDocument.Open(bytes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new ActivityException($"{name} cannot be read as a PDF: {e.Message}", e);
        }

        using (document)
        {
            for (var number = 1; number <= document.NumberOfPages; number++)
            {
                context.CancellationToken.ThrowIfCancellationRequested();
                Page page;
                try
                {
                    page = document.GetPage(number);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    throw new ActivityException($"{name}, page {number}: the page cannot be read: {e.Message}", e);
                }

                var letters = page.Letters.Count(l => !string.IsNullOrWhiteSpace(l.Value));
                var useOcr = mode == PdfOcrMode.Always || (mode == PdfOcrMode.Auto && letters < minimum);
                var image = useOcr ? LargestImage(page) : null;
                if (useOcr && image is null && letters == 0 && mode == PdfOcrMode.Always)
                {
                    throw new ActivityException($"{name}, page {number}: the page has no image to read with OCR");
                }

                if (image is not null)
                {
                    var pool = context.GetRequiredService<OcrEnginePool>();
                    var result = await pool.RecognizeAsync(image, request, $"{name}, page {number}", context.CancellationToken).ConfigureAwait(false);
                    texts.Add(result.Text);
                    pages.Add(PageValue(number, result.Text, "ocr", result.Confidence));
                    words.AddRange(OcrValues.Words(result.Words, number));
                    lowest = Math.Min(lowest, result.Confidence);
                    ocrPages++;
                }
                else
                {
                    var pageWords = page.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text)).ToList();
                    var text = TextOf(pageWords);
                    texts.Add(text);
                    pages.Add(PageValue(number, text, "text", 1.0));
                    words.AddRange(pageWords.Select(w => (object?)OcrValues.Word(w.Text, Box(w.BoundingBox, page.Height), 1.0, number)));
                }
            }
        }

        context.Set(Text, string.Join("\n\n", texts.Where(t => t.Length > 0)));
        context.Set(Pages, pages);
        context.Set(Words, words);
        context.Set(Confidence, OcrValues.Confidence(lowest));
        context.Set(OcrPages, ocrPages);
    }

    /// <summary>The encoded bytes of the page's largest image (a scan): JPEG and JPEG 2000 as stored, others as PNG.</summary>
    private static byte[]? LargestImage(Page page)
    {
        var image = page.GetImages().OrderByDescending(i => i.WidthInSamples * i.HeightInSamples).FirstOrDefault();
        if (image is null) return null;
        var raw = image.RawMemory.ToArray();
        if (raw.Length > 3 && raw[0] == 0xFF && raw[1] == 0xD8) return raw;
        if (image.TryGetPng(out var png)) return png;
        return raw;
    }

    private static Dictionary<string, object?> PageValue(int number, string text, string source, double confidence) => new()
    {
        ["page"] = (decimal)number,
        ["text"] = text,
        ["source"] = source,
        ["confidence"] = OcrValues.Confidence(confidence),
    };

    /// <summary>Words in reading order: grouped into lines by their baseline, lines top to bottom.</summary>
    private static string TextOf(List<Word> words)
    {
        var lines = new List<List<Word>>();
        foreach (var word in words.OrderByDescending(w => w.BoundingBox.Bottom).ThenBy(w => w.BoundingBox.Left))
        {
            var line = lines.LastOrDefault();
            if (line is not null && Math.Abs(line[0].BoundingBox.Bottom - word.BoundingBox.Bottom) < Math.Max(2, word.BoundingBox.Height * 0.5)) line.Add(word);
            else lines.Add([word]);
        }

        return string.Join('\n', lines.Select(l => string.Join(' ', l.OrderBy(w => w.BoundingBox.Left).Select(w => w.Text))));
    }

    /// <summary>A PDF rectangle (points, origin bottom left) as a box from the top left.</summary>
    private static OcrBox Box(PdfRectangle r, double pageHeight) =>
        new((int)Math.Round(r.Left), (int)Math.Round(pageHeight - r.Top), (int)Math.Round(r.Width), (int)Math.Round(r.Height));
}
