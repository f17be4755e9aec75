namespace Rpa.Activities.Ocr.Engine;

/// <summary>
/// From the processed image back to the original: undo the rotation about the centre of the scaled image, then the
/// scale. Boxes of rotated text become the rectangle around the rotated corners.
/// </summary>
internal readonly record struct BoxMapping(int OriginalWidth, int OriginalHeight, double Scale, double AngleDegrees)
{
    public OcrBox Map(int left, int top, int right, int bottom)
    {
        if (Scale == 1.0 && AngleDegrees == 0.0) return Clamp(left, top, right, bottom);
        double x0 = left, y0 = top, x1 = right, y1 = bottom;
        if (AngleDegrees != 0.0)
        {
            var cx = OriginalWidth * Scale / 2.0;
            var cy = OriginalHeight * Scale / 2.0;
            var radians = AngleDegrees * Math.PI / 180.0;
            var (sin, cos) = Math.SinCos(radians);
            Span<(double X, double Y)> corners = [(x0, y0), (x1, y0), (x0, y1), (x1, y1)];
            double minX = double.MaxValue, minY = double.MaxValue, maxX = double.MinValue, maxY = double.MinValue;
            foreach (var (x, y) in corners)
            {
                // Leptonica rotated the page by +angle (clockwise in image coordinates); rotate back by -angle.
                var dx = x - cx;
                var dy = y - cy;
                var rx = cx + (dx * cos) + (dy * sin);
                var ry = cy - (dx * sin) + (dy * cos);
                minX = Math.Min(minX, rx);
                minY = Math.Min(minY, ry);
                maxX = Math.Max(maxX, rx);
                maxY = Math.Max(maxY, ry);
            }

            (x0, y0, x1, y1) = (minX, minY, maxX, maxY);
        }

        return Clamp((int)Math.Floor(x0 / Scale), (int)Math.Floor(y0 / Scale), (int)Math.Ceiling(x1 / Scale), (int)Math.Ceiling(y1 / Scale));
    }

    private OcrBox Clamp(int left, int top, int right, int bottom)
    {
        left = Math.Clamp(left, 0, OriginalWidth);
        top = Math.Clamp(top, 0, OriginalHeight);
        right = Math.Clamp(right, left, OriginalWidth);
        bottom = Math.Clamp(bottom, top, OriginalHeight);
        return new OcrBox(left, top, right - left, bottom - top);
    }
}
