using System.Text.RegularExpressions;
using Rpa.Engine.Activities;
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
    /// The queue for a bot, from what its activities declare they need (<see cref="ActivityNeeds"/>): "ocr" when any
    /// needs Tesseract (a worker on it has Chromium too, for bots that read text on screen), else "browser" when any
    /// needs Chromium (browser activities, and those that print HTML to PDF), else "default".
    /// </summary>
    public static string For(BotDefinition bot, ActivityRegistry registry)
    {
        var needs = bot.AllActivities()
            .SelectMany(a => registry.TryGet(a.Type ?? "", out var d) ? d.Needs : [])
            .ToHashSet(StringComparer.Ordinal);
        return needs.Contains(ActivityNeeds.Ocr) ? Ocr : needs.Contains(ActivityNeeds.Browser) ? Browser : Default;
    }

    public static bool IsValidName(string name) => QueueName().IsMatch(name);

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex QueueName();
}
