namespace Rpa.Activities.Ocr.Native;

/// <summary>A TessBaseAPI*: ended and deleted on release.</summary>
internal sealed class TessApiHandle : TrackedHandle
{
    protected override bool ReleaseHandle()
    {
        Tess.TessBaseAPIEnd(handle);
        Tess.TessBaseAPIDelete(handle);
        return true;
    }
}
