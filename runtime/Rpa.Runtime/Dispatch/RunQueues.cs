using System.Text.RegularExpressions;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Model;

namespace Rpa.Runtime.Dispatch;

/// <summary>Hangfire queues carry capabilities: a worker without a browser never takes a browser bot, one without Tesseract never an OCR bot.</summary>
public static partial class RunQueues
{
    public const string Default = "default";

    public const string Browser = "browser";

    public const string Ocr = "ocr";

    /// <summary>
    /// The queue for a bot: "ocr" when any of its activities is an OCR activity (a worker on it needs Tesseract, and
    /// Chromium too for bots that read text on screen), else "browser" when any is a Browser activity, else "default".
    /// </summary>
    public static string For(BotDefinition bot, ActivityRegistry registry)
    {
        var categories = bot.AllActivities()
            .Select(a => registry.TryGet(a.Type ?? "", out var d) ? d.Category : null)
            .ToHashSet(StringComparer.Ordinal);
        return categories.Contains("OCR") ? Ocr : categories.Contains("Browser") ? Browser : Default;
    }

    public static bool IsValidName(string name) => QueueName().IsMatch(name);

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex QueueName();
}
