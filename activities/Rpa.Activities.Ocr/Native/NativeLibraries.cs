using System.Reflection;
using System.Runtime.InteropServices;

namespace Rpa.Activities.Ocr.Native;

/// <summary>
/// Finds Debian's Tesseract and Leptonica by their versioned names (the runtime packages ship only
/// <c>libtesseract.so.5</c> and <c>liblept.so.5</c>; the unversioned names come with the -dev packages), and sets
/// OMP_THREAD_LIMIT=1 in the C environment before libtesseract (and with it OpenMP) is loaded: with OpenMP's threads
/// on a small machine recognition is several times slower, and the pool already runs one engine per thread.
/// </summary>
internal static unsafe class NativeLibraries
{
    private static readonly string[] TesseractNames = ["libtesseract.so.5", "libtesseract.so", "libtesseract.so.4"];
    private static readonly string[] LeptonicaNames = ["liblept.so.5", "libleptonica.so.6", "libleptonica.so", "liblept.so"];
    private static readonly Lock Gate = new();
    private static IntPtr _tesseract;
    private static IntPtr _leptonica;
    private static bool _resolverSet;

    /// <summary>The Debian packages that provide what the OCR activities load.</summary>
    public const string InstallHint = "apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng libtesseract5";

    /// <summary>Loads both libraries once (idempotent); throws <see cref="OcrException"/> naming the packages when they are missing.</summary>
    public static void EnsureLoaded()
    {
        lock (Gate)
        {
            SetResolver();
            if (_tesseract != IntPtr.Zero) return;
            LimitOpenMpThreads();
            _leptonica = LoadFirst(LeptonicaNames, "Leptonica");
            _tesseract = LoadFirst(TesseractNames, "Tesseract");
            Lept.setMsgSeverity(Lept.SeverityNone);
        }
    }

    /// <summary>
    /// The thread limit libgomp applies to Tesseract's OpenMP loops (1 unless the environment set another value before
    /// the process started), or null when this libtesseract does not use OpenMP. Loads the libraries.
    /// </summary>
    public static int? OpenMpThreadLimit()
    {
        EnsureLoaded();
        var gomp = Libc.dlopen("libgomp.so.1", Libc.NowNoLoad);
        if (gomp == IntPtr.Zero) return null;
        try
        {
            var limit = Libc.dlsym(gomp, "omp_get_thread_limit");
            return limit == IntPtr.Zero ? null : ((delegate* unmanaged<int>)limit)();
        }
        finally
        {
            _ = Libc.dlclose(gomp);
        }
    }

    private static void SetResolver()
    {
        if (_resolverSet) return;
        NativeLibrary.SetDllImportResolver(typeof(NativeLibraries).Assembly, Resolve);
        _resolverSet = true;
    }

    private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? searchPath)
    {
        switch (name)
        {
            case Tess.Library:
                EnsureLoaded();
                return _tesseract;
            case Lept.Library:
                EnsureLoaded();
                return _leptonica;
            case Libc.Library:
                return NativeLibrary.TryLoad("libc.so.6", out var libc) ? libc : IntPtr.Zero;
            default:
                return IntPtr.Zero;
        }
    }

    private static void LimitOpenMpThreads()
    {
        // libgomp reads the variable once, when it is loaded; .NET's Environment.SetEnvironmentVariable does not
        // reach the C environment, so set it through libc. A value the user set is kept.
        if (Environment.GetEnvironmentVariable("OMP_THREAD_LIMIT") is { Length: > 0 }) return;
        _ = Libc.setenv("OMP_THREAD_LIMIT", "1", 0);
        Environment.SetEnvironmentVariable("OMP_THREAD_LIMIT", "1");
    }

    private static IntPtr LoadFirst(string[] names, string what)
    {
        foreach (var name in names)
        {
            if (NativeLibrary.TryLoad(name, out var handle)) return handle;
        }

        throw new OcrException($"{what} is not installed on this machine ({names[0]} was not found): {InstallHint}");
    }
}
