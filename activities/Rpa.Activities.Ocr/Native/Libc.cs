using System.Runtime.InteropServices;

namespace Rpa.Activities.Ocr.Native;

/// <summary>
/// The libc functions the binding needs: setenv, to reach the C environment native libraries read, and dlopen with
/// RTLD_NOLOAD, to ask whether a library is already loaded without loading it.
/// </summary>
internal static partial class Libc
{
    public const string Library = "rpa-libc";

    /// <summary>RTLD_NOW | RTLD_NOLOAD: a handle only when the library is already in the process.</summary>
    public const int NowNoLoad = 0x2 | 0x4;

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int setenv(string name, string value, int overwrite);

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial IntPtr dlopen(string file, int flags);

    [LibraryImport(Library)]
    internal static partial IntPtr dlsym(IntPtr handle, [MarshalAs(UnmanagedType.LPUTF8Str)] string symbol);

    [LibraryImport(Library)]
    internal static partial int dlclose(IntPtr handle);
}
