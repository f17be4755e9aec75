using Microsoft.Win32.SafeHandles;

namespace Rpa.Activities.Ocr.Native;

/// <summary>
/// A native pointer owned by managed code. Counts the handles not yet disposed or finalized, so a test can show that
/// recognising thousands of images leaves nothing behind.
/// </summary>
internal abstract class TrackedHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    private static long _live;
    private int _counted = 1;

    protected TrackedHandle()
        : base(ownsHandle: true)
    {
        Interlocked.Increment(ref _live);
    }

    /// <summary>Wrappers created and not yet disposed (valid or not).</summary>
    public static long Live => Interlocked.Read(ref _live);

    protected override void Dispose(bool disposing)
    {
        if (Interlocked.Exchange(ref _counted, 0) == 1) Interlocked.Decrement(ref _live);
        base.Dispose(disposing);
    }
}
