using System.Runtime.InteropServices;

namespace Rpa.Activities.Ocr.Native;

/// <summary>A char* that Tesseract allocated (UTF-8): read it, then dispose (TessDeleteText).</summary>
internal sealed class TessTextHandle : TrackedHandle
{
    public string Read() => IsInvalid ? "" : Marshal.PtrToStringUTF8(handle) ?? "";

    protected override bool ReleaseHandle()
    {
        Tess.TessDeleteText(handle);
        return true;
    }
}
