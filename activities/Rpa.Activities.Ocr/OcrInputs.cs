using Rpa.Engine.Activities;

namespace Rpa.Activities.Ocr;

/// <summary>Turns the OCR inputs bots give (languages, page segmentation, preprocessing) into an <see cref="OcrRequest"/>.</summary>
internal static class OcrInputs
{
    public const string LanguagesDescription = "Tesseract languages joined by '+', such as eng or eng+deu; empty: the runtime's default (eng). Each needs its package: apt-get install tesseract-ocr-deu.";

    public const string PreprocessDescription = "Clean-ups before reading: none, all, or any of grayscale, scaleUp, deskew, threshold (comma-separated); empty: the runtime's default (none).";

    public const string SegmentationDescription = "How Tesseract splits the image into lines: Auto (pages), SingleColumn, SingleBlock, SingleLine, SparseText (screens, forms), ...; empty: the runtime's default (Auto).";

    public static OcrRequest Request(string languages, PageSegmentationMode? mode, string preprocess, OcrRequest? defaults = null) => (defaults ?? new OcrRequest()) with
    {
        Languages = languages.Trim().Length > 0 ? languages.Trim() : defaults?.Languages,
        PageSegmentation = mode ?? defaults?.PageSegmentation,
        Preprocessing = preprocess.Trim().Length > 0 ? ParsePreprocessing(preprocess) : defaults?.Preprocessing,
    };

    /// <summary>"none", "all", or names such as "grayscale, deskew" (also separated by '+' or spaces).</summary>
    public static OcrPreprocessing ParsePreprocessing(string text)
    {
        var result = OcrPreprocessing.None;
        foreach (var name in text.Split([',', '+', ' ', '|'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!Enum.TryParse<OcrPreprocessing>(name, ignoreCase: true, out var step) || !Enum.IsDefined(step) || int.TryParse(name, out _))
            {
                throw new ActivityException($"preprocess: '{name}' is not a step; use none, all, or any of grayscale, scaleUp, deskew, threshold");
            }

            result |= step;
        }

        return result;
    }

    /// <summary>Validation of a literal preprocess input (for the activities' Validate).</summary>
    public static IEnumerable<string> Check(Input<string> preprocess)
    {
        if (!preprocess.IsLiteral || string.IsNullOrWhiteSpace(preprocess.LiteralValue)) yield break;
        string? problem = null;
        try
        {
            ParsePreprocessing(preprocess.LiteralValue);
        }
        catch (ActivityException e)
        {
            problem = e.Message;
        }

        if (problem is not null) yield return problem;
    }
}
