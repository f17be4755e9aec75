using System.Diagnostics;
using Rpa.Activities.Ocr.Engine;
using Rpa.Activities.Ocr.Native;

namespace Rpa.Activities.Ocr;

/// <summary>
/// Tesseract engines, initialised once and reused: at most <see cref="OcrOptions.MaxEngines"/> exist, each used by
/// one thread at a time (an engine is not thread-safe, and one per core is the fastest setting). A caller waits for a
/// free engine; an idle engine for other languages is replaced when the pool is full. Registered as a singleton by
/// <c>rpa.AddOcrActivities()</c>.
/// </summary>
public sealed class OcrEnginePool : IDisposable
{
    private readonly Lock _lock = new();
    private readonly SemaphoreSlim _slots;
    private readonly Dictionary<string, Stack<TesseractEngine>> _idle = new(StringComparer.Ordinal);
    private string? _tessdata;
    private int _engines;
    private long _created;
    private long _images;
    private bool _disposed;

    public OcrEnginePool(OcrOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Options = options;
        _slots = new SemaphoreSlim(options.MaxEngines, options.MaxEngines);
    }

    public OcrOptions Options { get; }

    /// <summary>Engines initialised since the pool started (a growing number means engines are being replaced).</summary>
    public long EnginesCreated => Interlocked.Read(ref _created);

    /// <summary>Engines that exist now (idle or in use).</summary>
    public int EngineCount
    {
        get
        {
            lock (_lock) return _engines;
        }
    }

    /// <summary>Images recognised since the pool started.</summary>
    public long ImagesRecognized => Interlocked.Read(ref _images);

    /// <summary>The Tesseract library's version ("5.3.0"); loads it if needed.</summary>
    public static string TesseractVersion
    {
        get
        {
            NativeLibraries.EnsureLoaded();
            return TesseractEngine.Version;
        }
    }

    /// <summary>The tessdata folder the pool uses (found on first use).</summary>
    public string TessdataPath => _tessdata ??= Tessdata.Find(Options.TessdataPath);

    /// <summary>Throws <see cref="OcrException"/> unless every language of "eng+deu" is installed.</summary>
    public void CheckLanguages(string languages)
    {
        NativeLibraries.EnsureLoaded();
        Tessdata.Check(TessdataPath, languages);
    }

    /// <summary>Reads an image file (PNG, JPEG, TIFF, BMP, GIF, WebP, PNM) on a pool thread.</summary>
    public async Task<OcrResult> RecognizeFileAsync(string path, OcrRequest? request = null, CancellationToken cancellationToken = default)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new OcrException($"the image {path} does not exist", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OcrException($"cannot read the image {path}: {e.Message}", e);
        }

        return await RecognizeAsync(bytes, request, Path.GetFileName(path), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads an encoded image (PNG, JPEG, ...) on a pool thread; <paramref name="source"/> names it in errors.</summary>
    public Task<OcrResult> RecognizeAsync(ReadOnlyMemory<byte> image, OcrRequest? request = null, string source = "the image", CancellationToken cancellationToken = default) =>
        Task.Run(() => Recognize(image.Span, request, source, cancellationToken), cancellationToken);

    /// <summary>Reads an encoded image on the calling thread, waiting for a free engine if all are busy.</summary>
    public OcrResult Recognize(ReadOnlySpan<byte> image, OcrRequest? request = null, string source = "the image", CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        NativeLibraries.EnsureLoaded();
        var languages = request?.Languages is { Length: > 0 } given ? given : Options.Languages;
        var names = Tessdata.Check(TessdataPath, languages);
        var key = string.Join('+', names);
        var mode = request?.PageSegmentation ?? Options.PageSegmentation;
        if (!Enum.IsDefined(mode)) throw new OcrException($"{(int)mode} is not a Tesseract page segmentation mode");
        var steps = request?.Preprocessing ?? Options.Preprocessing;

        _slots.Wait(cancellationToken);
        try
        {
            using var pix = Preprocessor.Run(
                ImageLoader.Load(image, source),
                steps,
                request?.ScaleUpBelowWidth ?? Options.ScaleUpBelowWidth,
                request?.ScaleFactor ?? Options.ScaleFactor,
                Options.MaxPixels,
                out var mapping);
            var resolution = Lept.pixGetXRes(pix); // Leptonica scales it with the image; 0 lets Tesseract estimate it
            var engine = Rent(key);
            var healthy = false;
            try
            {
                var result = engine.Recognize(pix, mode, mapping, resolution, cancellationToken);
                healthy = true;
                Interlocked.Increment(ref _images);
                return result;
            }
            catch (OperationCanceledException)
            {
                healthy = true;
                throw;
            }
            catch (OcrException)
            {
                healthy = true;
                throw;
            }
            finally
            {
                Return(engine, healthy);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Creates up to <paramref name="count"/> engines for <paramref name="languages"/> ahead of use (e.g. at start-up).</summary>
    public void Warm(string? languages = null, int count = 1)
    {
        NativeLibraries.EnsureLoaded();
        var engines = new List<TesseractEngine>();
        var key = string.Join('+', Tessdata.Check(TessdataPath, languages ?? Options.Languages));
        for (var i = 0; i < Math.Min(count, Options.MaxEngines); i++)
        {
            _slots.Wait();
            engines.Add(Rent(key));
        }

        foreach (var engine in engines)
        {
            Return(engine, healthy: true);
            _slots.Release();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed) return;
            _disposed = true;
            foreach (var stack in _idle.Values)
            {
                while (stack.TryPop(out var engine))
                {
                    engine.Dispose();
                    _engines--;
                }
            }

            _idle.Clear();
        }
    }

    /// <summary>An idle engine for the languages, a new one, or (pool full) a new one replacing an idle engine of other languages. The caller holds a slot.</summary>
    private TesseractEngine Rent(string languages)
    {
        TesseractEngine? evicted = null;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_idle.TryGetValue(languages, out var stack) && stack.TryPop(out var idle)) return idle;
            if (_engines >= Options.MaxEngines)
            {
                // Holding a slot while every engine exists means at least one is idle, for other languages.
                var other = _idle.Values.First(s => s.Count > 0);
                evicted = other.Pop();
                _engines--;
            }

            _engines++;
        }

        evicted?.Dispose();
        try
        {
            var started = Stopwatch.GetTimestamp();
            var engine = TesseractEngine.Create(TessdataPath, languages);
            Interlocked.Increment(ref _created);
            Debug.WriteLine($"OCR engine for '{languages}' initialised in {Stopwatch.GetElapsedTime(started).TotalMilliseconds:N0} ms");
            return engine;
        }
        catch
        {
            lock (_lock) _engines--;
            throw;
        }
    }

    private void Return(TesseractEngine engine, bool healthy)
    {
        lock (_lock)
        {
            if (!_disposed && healthy)
            {
                if (!_idle.TryGetValue(engine.Languages, out var stack)) _idle[engine.Languages] = stack = new Stack<TesseractEngine>();
                stack.Push(engine);
                return;
            }

            _engines--;
        }

        engine.Dispose();
    }
}
