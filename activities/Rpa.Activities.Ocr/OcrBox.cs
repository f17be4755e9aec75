namespace Rpa.Activities.Ocr;

/// <summary>A rectangle in the pixels of the original image (left, top, width, height).</summary>
public readonly record struct OcrBox(int X, int Y, int Width, int Height)
{
    public int Right => X + Width;

    public int Bottom => Y + Height;

    public double CenterX => X + (Width / 2.0);

    public double CenterY => Y + (Height / 2.0);

    /// <summary>The smallest box holding both.</summary>
    public OcrBox Union(OcrBox other)
    {
        var left = Math.Min(X, other.X);
        var top = Math.Min(Y, other.Y);
        return new OcrBox(left, top, Math.Max(Right, other.Right) - left, Math.Max(Bottom, other.Bottom) - top);
    }
}
