namespace Rpa.Activities.Ocr;

/// <summary>How to read one image; unset values take the defaults of <see cref="OcrOptions"/>.</summary>
public sealed record OcrRequest
{
    /// <summary>Tesseract languages joined by '+', e.g. "eng" or "eng+deu".</summary>
    public string? Languages { get; init; }

    public PageSegmentationMode? PageSegmentation { get; init; }

    public OcrPreprocessing? Preprocessing { get; init; }

    /// <summary>With <see cref="OcrPreprocessing.ScaleUp"/>: images narrower than this many pixels are scaled up.</summary>
    public int? ScaleUpBelowWidth { get; init; }

    /// <summary>With <see cref="OcrPreprocessing.ScaleUp"/>: the factor (2 doubles the width and height).</summary>
    public double? ScaleFactor { get; init; }
}
