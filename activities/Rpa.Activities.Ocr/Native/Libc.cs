using System.Runtime.InteropServices;

namespace Rpa.Activities.Ocr.Native;

/// <summary>The one libc function the binding needs: setenv, to reach the C environment native libraries read.</summary>
internal static partial class Libc
{
    public const string Library = "rpa-libc";

    [LibraryImport(Library, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int setenv(string name, string value, int overwrite);
}
