namespace Rpa.Activities.Ocr;

/// <summary>What Tesseract read in one image. Boxes are in the pixels of the image as given (before any preprocessing).</summary>
public sealed record OcrResult
{
    /// <summary>The text in reading order, lines separated by '\n' and blocks by an empty line.</summary>
    public required string Text { get; init; }

    /// <summary>The mean word confidence, 0–1 (0 when there are no words).</summary>
    public required double Confidence { get; init; }

    public required IReadOnlyList<OcrWord> Words { get; init; }

    public required IReadOnlyList<OcrLine> Lines { get; init; }

    /// <summary>The image's size in pixels, as given.</summary>
    public required int Width { get; init; }

    public required int Height { get; init; }

    /// <summary>The skew the Deskew step corrected, in degrees (0 without it).</summary>
    public double SkewDegrees { get; init; }

    public bool IsEmpty => Words.Count == 0;
}
