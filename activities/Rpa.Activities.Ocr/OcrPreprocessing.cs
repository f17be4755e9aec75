namespace Rpa.Activities.Ocr;

/// <summary>Clean-ups for poor scans and small screenshots, applied in this order before recognition.</summary>
[Flags]
public enum OcrPreprocessing
{
    None = 0,

    /// <summary>Colour to 8-bit grey.</summary>
    Grayscale = 1,

    /// <summary>Scales small images up (see <see cref="OcrRequest.ScaleUpBelowWidth"/>): Tesseract reads text best at 20–40 px per line. Implies grayscale.</summary>
    ScaleUp = 2,

    /// <summary>Straightens a slightly rotated page (up to about 7°).</summary>
    Deskew = 4,

    /// <summary>Evens out grey or uneven backgrounds and makes the image black and white (adaptive Otsu). Implies grayscale.</summary>
    Threshold = 8,

    All = Grayscale | ScaleUp | Deskew | Threshold,
}
