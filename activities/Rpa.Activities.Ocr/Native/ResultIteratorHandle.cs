namespace Rpa.Activities.Ocr.Native;

/// <summary>A TessResultIterator* over the last recognition's blocks, lines, words and symbols.</summary>
internal sealed class ResultIteratorHandle : TrackedHandle
{
    protected override bool ReleaseHandle()
    {
        Tess.TessResultIteratorDelete(handle);
        return true;
    }
}
