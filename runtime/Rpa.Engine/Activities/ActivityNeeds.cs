namespace Rpa.Engine.Activities;

/// <summary>
/// What the machine running an activity must have, declared with <c>[Activity(..., Needs = [ActivityNeeds.Browser])]</c>.
/// The runtime routes a bot to a worker queue that has everything its activities need.
/// </summary>
public static class ActivityNeeds
{
    /// <summary>Chromium (Debian's, driven by Playwright): browser activities and anything that prints HTML to PDF.</summary>
    public const string Browser = "browser";

    /// <summary>Tesseract (Debian's libtesseract5 and its language data): activities that read text from pixels.</summary>
    public const string Ocr = "ocr";

    /// <summary>Every known need, each with the software it stands for.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [Browser] = "Chromium",
        [Ocr] = "Tesseract",
    };
}
