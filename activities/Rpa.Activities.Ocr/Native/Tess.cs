using System.Runtime.InteropServices;

namespace Rpa.Activities.Ocr.Native;

/// <summary>
/// The part of Tesseract's C API (capi.h, Tesseract 4 and 5) the engine uses. Booleans of the C API are ints;
/// the cancel callback returns a C++ bool (one byte).
/// </summary>
internal static unsafe partial class Tess
{
    public const string Library = "rpa-tesseract";

    /// <summary>TessPageIteratorLevel.</summary>
    public const int Block = 0;
    public const int Paragraph = 1;
    public const int TextLine = 2;
    public const int Word = 3;
    public const int Symbol = 4;

    [LibraryImport(Library)]
    internal static partial IntPtr TessVersion();

    [LibraryImport(Library)]
    internal static partial TessApiHandle TessBaseAPICreate();

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPIInit3(TessApiHandle api, string? dataPath, string language);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int TessBaseAPISetVariable(TessApiHandle api, string name, string value);

    [LibraryImport(Library)]
    internal static partial void TessBaseAPISetPageSegMode(TessApiHandle api, int mode);

    [LibraryImport(Library)]
    internal static partial void TessBaseAPISetImage2(TessApiHandle api, PixHandle pix);

    [LibraryImport(Library)]
    internal static partial void TessBaseAPISetSourceResolution(TessApiHandle api, int ppi);

    [LibraryImport(Library)]
    internal static partial int TessBaseAPIRecognize(TessApiHandle api, MonitorHandle monitor);

    [LibraryImport(Library)]
    internal static partial TessTextHandle TessBaseAPIGetUTF8Text(TessApiHandle api);

    [LibraryImport(Library)]
    internal static partial int TessBaseAPIMeanTextConf(TessApiHandle api);

    [LibraryImport(Library)]
    internal static partial ResultIteratorHandle TessBaseAPIGetIterator(TessApiHandle api);

    /// <summary>Frees the image and the recognition results; the engine stays initialised.</summary>
    [LibraryImport(Library)]
    internal static partial void TessBaseAPIClear(TessApiHandle api);

    [LibraryImport(Library)]
    internal static partial void TessBaseAPIEnd(IntPtr api);

    [LibraryImport(Library)]
    internal static partial void TessBaseAPIDelete(IntPtr api);

    [LibraryImport(Library)]
    internal static partial void TessDeleteText(IntPtr text);

    [LibraryImport(Library)]
    internal static partial void TessResultIteratorDelete(IntPtr iterator);

    [LibraryImport(Library)]
    internal static partial int TessResultIteratorNext(ResultIteratorHandle iterator, int level);

    [LibraryImport(Library)]
    internal static partial TessTextHandle TessResultIteratorGetUTF8Text(ResultIteratorHandle iterator, int level);

    [LibraryImport(Library)]
    internal static partial float TessResultIteratorConfidence(ResultIteratorHandle iterator, int level);

    /// <summary>The page iterator inside a result iterator; owned by it (never deleted separately).</summary>
    [LibraryImport(Library)]
    internal static partial IntPtr TessResultIteratorGetPageIterator(ResultIteratorHandle iterator);

    [LibraryImport(Library)]
    internal static partial int TessPageIteratorIsAtBeginningOf(IntPtr pageIterator, int level);

    [LibraryImport(Library)]
    internal static partial int TessPageIteratorBoundingBox(IntPtr pageIterator, int level, out int left, out int top, out int right, out int bottom);

    [LibraryImport(Library)]
    internal static partial MonitorHandle TessMonitorCreate();

    [LibraryImport(Library)]
    internal static partial void TessMonitorDelete(IntPtr monitor);

    [LibraryImport(Library)]
    internal static partial void TessMonitorSetCancelFunc(MonitorHandle monitor, delegate* unmanaged<IntPtr, int, byte> cancel);

    [LibraryImport(Library)]
    internal static partial void TessMonitorSetCancelThis(MonitorHandle monitor, IntPtr cancelThis);
}
