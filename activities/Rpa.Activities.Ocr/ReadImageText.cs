using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Ocr;

[Activity("OCR", "Read image text", Description = "Reads the text of an image (PNG, JPEG, TIFF, BMP, GIF, WebP) with Tesseract: the full text, and every word and line with its box (pixels) and confidence (0–1). Fails on a damaged file or, unless allowed, an image without text.", Needs = [ActivityNeeds.Ocr])]
public sealed class ReadImageText : Activity
{
    [Input(Description = "The image file; a relative path is relative to the bot's folder. Give this or Base64.")]
    public Input<string> Path { get; set; } = new("");

    [Input(Description = "The image's bytes as base64 (a data: URL is accepted), e.g. from an HTTP response. Give this or Path.", Editor = "multiline")]
    public Input<string> Base64 { get; set; } = new("");

    [Input(Description = OcrInputs.LanguagesDescription)]
    public Input<string> Languages { get; set; } = new("");

    [Input(Description = OcrInputs.SegmentationDescription)]
    public Input<PageSegmentationMode?> PageSegmentation { get; set; } = new();

    [Input(Description = OcrInputs.PreprocessDescription)]
    public Input<string> Preprocess { get; set; } = new("");

    [Input(Description = "An image without any text is a result (empty text) instead of an error.")]
    public Input<bool> AllowEmpty { get; set; } = new(false);

    [Output(Description = "The text in reading order; lines separated by a newline, blocks by an empty line.")]
    public Output<string> Text { get; set; } = new();

    [Output(Description = "Every word: { text, x, y, width, height, confidence }, in pixels of the image, confidence 0–1.")]
    public Output<List<object?>> Words { get; set; } = new();

    [Output(Description = "Every line: { text, x, y, width, height, confidence }.")]
    public Output<List<object?>> Lines { get; set; } = new();

    [Output(Description = "The mean word confidence, 0–1.")]
    public Output<decimal> Confidence { get; set; } = new();

    public override IEnumerable<string> Validate()
    {
        var hasPath = !Path.IsLiteral || !string.IsNullOrWhiteSpace(Path.LiteralValue);
        var hasBytes = !Base64.IsLiteral || !string.IsNullOrWhiteSpace(Base64.LiteralValue);
        if (!hasPath && !hasBytes) yield return "give the image as path or as base64";
        foreach (var problem in OcrInputs.Check(Preprocess)) yield return problem;
    }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var pool = context.GetRequiredService<OcrEnginePool>();
        var path = context.Get(Path);
        var base64 = context.Get(Base64);
        var request = OcrInputs.Request(context.Get(Languages), context.Get(PageSegmentation), context.Get(Preprocess));
        OcrResult result;
        string source;
        if (path.Trim().Length > 0)
        {
            if (base64.Trim().Length > 0) throw new ActivityException("give the image as path or as base64, not both");
            var file = context.ResolvePath(path);
            source = $"the image {path}{(file == path ? "" : $" ({file})")}";
            if (!File.Exists(file)) throw new OcrException($"{source} does not exist");
            var bytes = await File.ReadAllBytesAsync(file, context.CancellationToken).ConfigureAwait(false);
            result = await pool.RecognizeAsync(bytes, request, source, context.CancellationToken).ConfigureAwait(false);
        }
        else if (base64.Trim().Length > 0)
        {
            source = "the base64 image";
            result = await pool.RecognizeAsync(Decode(base64), request, source, context.CancellationToken).ConfigureAwait(false);
        }
        else
        {
            throw new ActivityException("give the image as path or as base64 (both are empty)");
        }

        if (result.IsEmpty && !context.Get(AllowEmpty))
        {
            throw new OcrException($"no text was found in {source} ({result.Width}×{result.Height} pixels); if it has text, try preprocess: all, or another page segmentation (SparseText); set allowEmpty to accept empty pages");
        }

        context.Set(Text, result.Text);
        context.Set(Words, OcrValues.Words(result.Words));
        context.Set(Lines, OcrValues.Lines(result.Lines));
        context.Set(Confidence, OcrValues.Confidence(result.Confidence));
    }

    private static byte[] Decode(string base64)
    {
        var text = base64.Trim();
        if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            if (comma < 0) throw new ActivityException("base64: the data: URL has no ',' before its data");
            text = text[(comma + 1)..];
        }

        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException e)
        {
            throw new ActivityException($"base64: the text is not valid base64 ({text.Length} characters, starting '{text[..Math.Min(16, text.Length)]}')", e);
        }
    }
}
