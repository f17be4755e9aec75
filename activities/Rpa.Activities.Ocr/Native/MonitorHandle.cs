namespace Rpa.Activities.Ocr.Native;

/// <summary>An ETEXT_DESC* (Tesseract's progress monitor), which carries the cancel callback.</summary>
internal sealed class MonitorHandle : TrackedHandle
{
    protected override bool ReleaseHandle()
    {
        Tess.TessMonitorDelete(handle);
        return true;
    }
}
