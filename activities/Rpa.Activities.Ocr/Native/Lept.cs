using System.Runtime.InteropServices;

namespace Rpa.Activities.Ocr.Native;

/// <summary>The Leptonica functions the engine uses: read an image from memory, and the preprocessing steps.</summary>
internal static unsafe partial class Lept
{
    public const string Library = "rpa-leptonica";

    /// <summary>L_SEVERITY_NONE: Leptonica prints nothing; the engine reports problems itself.</summary>
    public const int SeverityNone = 6;

    /// <summary>L_ROTATE_AREA_MAP and L_BRING_IN_WHITE for pixRotate.</summary>
    public const int RotateAreaMap = 1;
    public const int BringInWhite = 1;

    [LibraryImport(Library)]
    internal static partial int setMsgSeverity(int severity);

    [LibraryImport(Library)]
    internal static partial PixHandle pixReadMem(byte* data, nuint size);

    [LibraryImport(Library)]
    internal static partial int findFileFormatBuffer(byte* data, out int format);

    [LibraryImport(Library)]
    internal static partial void pixDestroy(ref IntPtr pix);

    [LibraryImport(Library)]
    internal static partial int pixGetWidth(PixHandle pix);

    [LibraryImport(Library)]
    internal static partial int pixGetHeight(PixHandle pix);

    [LibraryImport(Library)]
    internal static partial int pixGetDepth(PixHandle pix);

    [LibraryImport(Library)]
    internal static partial int pixGetXRes(PixHandle pix);

    /// <summary>Samples per pixel: 3 for RGB, 4 when a 32 bpp image has an alpha channel.</summary>
    [LibraryImport(Library)]
    internal static partial int pixGetSpp(PixHandle pix);

    /// <summary>A copy with the alpha channel blended over white (a clone when there is none).</summary>
    [LibraryImport(Library)]
    internal static partial PixHandle pixRemoveAlpha(PixHandle pix);

    /// <summary>Any depth to 8 bpp grayscale (colour by luminance; colormaps removed).</summary>
    [LibraryImport(Library)]
    internal static partial PixHandle pixConvertTo8(PixHandle pix, int colormapFlag);

    [LibraryImport(Library)]
    internal static partial PixHandle pixScale(PixHandle pix, float scaleX, float scaleY);

    /// <summary>Evens out an uneven or grey background to white (8 or 32 bpp).</summary>
    [LibraryImport(Library)]
    internal static partial PixHandle pixBackgroundNormSimple(PixHandle pix, IntPtr mask, IntPtr grey);

    [LibraryImport(Library)]
    internal static partial int pixOtsuAdaptiveThreshold(PixHandle pix, int tileWidth, int tileHeight, int smoothX, int smoothY, float scoreFraction, IntPtr thresholds, out PixHandle binary);

    /// <summary>Finds the skew of text lines (any depth) and returns the straightened image, or a clone when it is straight.</summary>
    [LibraryImport(Library)]
    internal static partial PixHandle pixFindSkewAndDeskew(PixHandle pix, int reduction, out float angleDegrees, out float confidence);
}
