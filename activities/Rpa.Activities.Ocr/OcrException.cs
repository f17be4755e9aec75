using Rpa.Engine.Activities;

namespace Rpa.Activities.Ocr;

/// <summary>OCR cannot be done for a reason a person can act on: a missing package or language, an unreadable image, no text.</summary>
public sealed class OcrException : ActivityException
{
    public OcrException(string message)
        : base(message)
    {
    }

    public OcrException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
