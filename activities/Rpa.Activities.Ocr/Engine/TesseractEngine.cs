using System.Runtime.InteropServices;
using System.Text;
using Rpa.Activities.Ocr.Native;

namespace Rpa.Activities.Ocr.Engine;

/// <summary>
/// One initialised Tesseract (TessBaseAPI) for one set of languages. Not thread-safe: the pool gives it to one
/// thread at a time. Recognition results are cleared after every image, so memory does not grow with use.
/// </summary>
internal sealed unsafe class TesseractEngine : IDisposable
{
    private readonly TessApiHandle _api;
    private readonly MonitorHandle _monitor;
    private readonly CancelState _cancel = new();
    private GCHandle _cancelHandle;

    private TesseractEngine(TessApiHandle api, MonitorHandle monitor, string languages)
    {
        _api = api;
        _monitor = monitor;
        Languages = languages;
        _cancelHandle = GCHandle.Alloc(_cancel);
        Tess.TessMonitorSetCancelFunc(_monitor, &ShouldCancel);
        Tess.TessMonitorSetCancelThis(_monitor, GCHandle.ToIntPtr(_cancelHandle));
    }

    public string Languages { get; }

    public static TesseractEngine Create(string tessdata, string languages)
    {
        NativeLibraries.EnsureLoaded();
        var api = Tess.TessBaseAPICreate();
        if (api.IsInvalid)
        {
            api.Dispose();
            throw new OcrException("Tesseract could not create an engine (out of memory?)");
        }

        if (Tess.TessBaseAPIInit3(api, tessdata, languages) != 0)
        {
            api.Dispose();
            throw new OcrException($"Tesseract could not load the languages '{languages}' from {tessdata}; the .traineddata files may be damaged or made for another Tesseract version (this is {Version})");
        }

        // Tesseract's diagnostics ("Estimating resolution", "Empty page!!") go to a file instead of the console.
        _ = Tess.TessBaseAPISetVariable(api, "debug_file", "/dev/null");
        var monitor = Tess.TessMonitorCreate();
        if (monitor.IsInvalid)
        {
            monitor.Dispose();
            api.Dispose();
            throw new OcrException("Tesseract could not create a progress monitor");
        }

        return new TesseractEngine(api, monitor, languages);
    }

    /// <summary>The library's version, such as "5.3.0".</summary>
    public static string Version => Marshal.PtrToStringUTF8(Tess.TessVersion()) ?? "unknown";

    public OcrResult Recognize(PixHandle pix, PageSegmentationMode mode, BoxMapping mapping, int sourceResolution, CancellationToken cancellationToken)
    {
        try
        {
            Tess.TessBaseAPISetPageSegMode(_api, (int)mode);
            Tess.TessBaseAPISetImage2(_api, pix);
            if (sourceResolution > 0) Tess.TessBaseAPISetSourceResolution(_api, sourceResolution);
            _cancel.Token = cancellationToken;
            var status = Tess.TessBaseAPIRecognize(_api, _monitor);
            cancellationToken.ThrowIfCancellationRequested();
            if (status != 0) throw new OcrException($"Tesseract could not recognise the image ({pix.Width}×{pix.Height}, {pix.Depth} bpp)");

            string text;
            using (var utf8 = Tess.TessBaseAPIGetUTF8Text(_api))
            {
                text = utf8.Read();
            }

            var (words, lines) = ReadLayout(mapping);
            return new OcrResult
            {
                Text = Normalize(text),
                Confidence = MeanConfidence(words),
                Words = words,
                Lines = lines,
                Width = mapping.OriginalWidth,
                Height = mapping.OriginalHeight,
                SkewDegrees = mapping.AngleDegrees,
            };
        }
        finally
        {
            _cancel.Token = CancellationToken.None;
            Tess.TessBaseAPIClear(_api);
        }
    }

    public void Dispose()
    {
        _monitor.Dispose();
        _api.Dispose();
        if (_cancelHandle.IsAllocated) _cancelHandle.Free();
    }

    private (List<OcrWord> Words, List<OcrLine> Lines) ReadLayout(BoxMapping mapping)
    {
        var words = new List<OcrWord>();
        var lines = new List<OcrLine>();
        using var iterator = Tess.TessBaseAPIGetIterator(_api);
        if (iterator.IsInvalid) return (words, lines);
        var page = Tess.TessResultIteratorGetPageIterator(iterator);

        var lineWords = new List<OcrWord>();
        OcrBox lineBox = default;
        double lineConfidence = 0;
        do
        {
            if (Tess.TessPageIteratorIsAtBeginningOf(page, Tess.TextLine) != 0)
            {
                Flush();
                lineBox = Box(page, Tess.TextLine, mapping);
                lineConfidence = Tess.TessResultIteratorConfidence(iterator, Tess.TextLine) / 100.0;
            }

            string word;
            using (var utf8 = Tess.TessResultIteratorGetUTF8Text(iterator, Tess.Word))
            {
                word = utf8.Read().Trim();
            }

            if (word.Length == 0) continue;
            var confidence = Math.Clamp(Tess.TessResultIteratorConfidence(iterator, Tess.Word) / 100.0, 0, 1);
            lineWords.Add(new OcrWord(word, Box(page, Tess.Word, mapping), Math.Round(confidence, 3), lines.Count));
        }
        while (Tess.TessResultIteratorNext(iterator, Tess.Word) != 0);

        Flush();
        return (words, lines);

        void Flush()
        {
            if (lineWords.Count == 0) return;
            var box = lineWords.Skip(1).Aggregate(lineWords[0].Box, (b, w) => b.Union(w.Box));
            if (lineBox.Width > 0) box = box.Union(lineBox);
            lines.Add(new OcrLine(string.Join(' ', lineWords.Select(w => w.Text)), box, Math.Round(Math.Clamp(lineConfidence, 0, 1), 3)));
            words.AddRange(lineWords);
            lineWords.Clear();
        }
    }

    private static OcrBox Box(IntPtr page, int level, BoxMapping mapping) =>
        Tess.TessPageIteratorBoundingBox(page, level, out var left, out var top, out var right, out var bottom) != 0
            ? mapping.Map(left, top, right, bottom)
            : default;

    private static double MeanConfidence(List<OcrWord> words)
    {
        if (words.Count == 0) return 0;
        double sum = 0, weight = 0;
        foreach (var word in words)
        {
            sum += word.Confidence * word.Text.Length;
            weight += word.Text.Length;
        }

        return Math.Round(sum / weight, 3);
    }

    /// <summary>Lines without trailing spaces, at most one empty line between blocks, no trailing newline.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blank = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd();
            if (line.Length == 0)
            {
                blank++;
                continue;
            }

            if (builder.Length > 0) builder.Append(blank > 0 ? "\n\n" : "\n");
            builder.Append(line);
            blank = 0;
        }

        return builder.ToString();
    }

    [UnmanagedCallersOnly]
    private static byte ShouldCancel(IntPtr cancelThis, int words)
    {
        var state = GCHandle.FromIntPtr(cancelThis).Target as CancelState;
        return state is not null && state.Token.IsCancellationRequested ? (byte)1 : (byte)0;
    }

    /// <summary>What the cancel callback reads: the token of the image being recognised.</summary>
    private sealed class CancelState
    {
        public CancellationToken Token { get; set; }
    }
}
