namespace Rpa.Activities.Ocr;

/// <summary>How the runtime runs Tesseract. Every setting has a default; <see cref="Validate"/> runs at start-up.</summary>
public sealed record OcrOptions
{
    /// <summary>The languages when an activity does not say, joined by '+' ("eng", "eng+deu").</summary>
    public string Languages { get; init; } = "eng";

    public PageSegmentationMode PageSegmentation { get; init; } = PageSegmentationMode.Auto;

    public OcrPreprocessing Preprocessing { get; init; } = OcrPreprocessing.None;

    /// <summary>At most this many engines (and so images at once); each holds its languages' models (~40 MB for eng).</summary>
    public int MaxEngines { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The tessdata folder; null finds it: TESSDATA_PREFIX, then Debian's and other standard folders.</summary>
    public string? TessdataPath { get; init; }

    /// <summary>ScaleUp's default: images narrower than this many pixels are scaled up.</summary>
    public int ScaleUpBelowWidth { get; init; } = 1600;

    /// <summary>ScaleUp's default factor.</summary>
    public double ScaleFactor { get; init; } = 2.0;

    /// <summary>Images larger than this many pixels (width × height, after scaling) are refused rather than exhausting memory.</summary>
    public long MaxPixels { get; init; } = 60_000_000;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (MaxEngines < 1) throw new ArgumentException($"MaxEngines must be at least 1 (it is {MaxEngines}).", nameof(MaxEngines));
        if (string.IsNullOrWhiteSpace(Languages)) throw new ArgumentException("Languages must name at least one language, such as \"eng\".", nameof(Languages));
        if (ScaleFactor is < 1 or > 8) throw new ArgumentException($"ScaleFactor must be between 1 and 8 (it is {ScaleFactor}).", nameof(ScaleFactor));
        if (ScaleUpBelowWidth < 0) throw new ArgumentException("ScaleUpBelowWidth cannot be negative.", nameof(ScaleUpBelowWidth));
        if (MaxPixels < 1) throw new ArgumentException("MaxPixels must be positive.", nameof(MaxPixels));
        if (!Enum.IsDefined(PageSegmentation)) throw new ArgumentException($"PageSegmentation {(int)PageSegmentation} is not a Tesseract mode.", nameof(PageSegmentation));
    }
}
