using Rpa.Activities.Ocr.Native;

namespace Rpa.Activities.Ocr.Engine;

/// <summary>The preprocessing steps (Leptonica), and how to map boxes found in the processed image back to the original.</summary>
internal static class Preprocessor
{
    /// <summary>
    /// Applies the steps in order (grayscale, scale up, deskew, threshold), and hands colour images on as 8-bit grey in
    /// any case. Takes ownership of <paramref name="pix"/>: it is either returned or disposed.
    /// </summary>
    public static PixHandle Run(PixHandle pix, OcrPreprocessing steps, int scaleUpBelowWidth, double scaleFactor, long maxPixels, out BoxMapping mapping)
    {
        mapping = new BoxMapping(pix.Width, pix.Height, 1.0, 0.0);
        try
        {
            // Scaling and thresholding work on grey: scaling colour is slower and Tesseract then misses coloured buttons.
            if (steps.HasFlag(OcrPreprocessing.Grayscale) || steps.HasFlag(OcrPreprocessing.Threshold) || steps.HasFlag(OcrPreprocessing.ScaleUp))
            {
                pix = Grey(pix);
            }

            if (steps.HasFlag(OcrPreprocessing.ScaleUp) && pix.Width < scaleUpBelowWidth && scaleFactor > 1)
            {
                var factor = (float)scaleFactor;
                if ((double)pix.Width * factor * pix.Height * factor <= maxPixels)
                {
                    pix = Replace(pix, Lept.pixScale(pix, factor, factor), "scale the image");
                    mapping = mapping with { Scale = factor };
                }
            }

            if ((long)pix.Width * pix.Height > maxPixels)
            {
                throw new OcrException($"the image is too large to read ({pix.Width}×{pix.Height} pixels; the limit is {maxPixels:N0} pixels, OcrOptions.MaxPixels)");
            }

            if (steps.HasFlag(OcrPreprocessing.Deskew))
            {
                var straight = Lept.pixFindSkewAndDeskew(pix, 0, out var angle, out var confidence);
                pix = Replace(pix, straight, "straighten the image");
                if (confidence > 0 && Math.Abs(angle) > 0.01) mapping = mapping with { AngleDegrees = angle };
            }

            if (steps.HasFlag(OcrPreprocessing.Threshold))
            {
                using var even = Lept.pixBackgroundNormSimple(pix, IntPtr.Zero, IntPtr.Zero);
                var source = even.IsInvalid ? pix : even;
                if (Lept.pixOtsuAdaptiveThreshold(source, 300, 300, 0, 0, 0.1f, IntPtr.Zero, out var binary) != 0 || binary.IsInvalid)
                {
                    binary.Dispose();
                    throw new OcrException("Leptonica could not threshold the image to black and white");
                }

                pix = Replace(pix, binary, "threshold the image");
            }

            // Tesseract gets colour as grey (luminance, the same conversion it applies to each text line before its
            // network). Given colour, it thresholds each channel and scales and PNG-encodes every text line in colour:
            // about 10 % more instructions per page for the same text (docs/benchmarks.md, "Where the time goes").
            if (pix.Depth == 32) pix = Grey(pix);
            return pix;
        }
        catch
        {
            pix.Dispose();
            throw;
        }
    }

    /// <summary>8-bit grey by luminance; transparent pixels become white first (as Tesseract does with a PNG's alpha).</summary>
    private static PixHandle Grey(PixHandle pix)
    {
        if (pix.Depth == 32 && pix.SamplesPerPixel == 4) pix = Replace(pix, Lept.pixRemoveAlpha(pix), "remove the alpha channel");
        return Replace(pix, Lept.pixConvertTo8(pix, 0), "convert the image to grey");
    }

    private static PixHandle Replace(PixHandle current, PixHandle next, string what)
    {
        if (next.IsInvalid)
        {
            next.Dispose();
            throw new OcrException($"Leptonica could not {what} ({current.Width}×{current.Height}, {current.Depth} bpp)");
        }

        current.Dispose();
        return next;
    }
}
