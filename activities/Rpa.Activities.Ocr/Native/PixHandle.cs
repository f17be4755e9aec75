namespace Rpa.Activities.Ocr.Native;

/// <summary>A Leptonica PIX* (an image): destroyed on release (Leptonica counts references, so clones are safe).</summary>
internal sealed class PixHandle : TrackedHandle
{
    public int Width => Lept.pixGetWidth(this);

    public int Height => Lept.pixGetHeight(this);

    public int Depth => Lept.pixGetDepth(this);

    public int SamplesPerPixel => Lept.pixGetSpp(this);

    protected override bool ReleaseHandle()
    {
        var pix = handle;
        Lept.pixDestroy(ref pix);
        return true;
    }
}
