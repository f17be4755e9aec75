using System.Text.RegularExpressions;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Model;

namespace Rpa.Runtime.Dispatch;

/// <summary>Hangfire queues carry capabilities: a worker without a browser never takes a browser bot.</summary>
public static partial class RunQueues
{
    public const string Default = "default";

    public const string Browser = "browser";

    /// <summary>The queue for a bot: "browser" when any of its activities is a Browser activity, else "default".</summary>
    public static string For(BotDefinition bot, ActivityRegistry registry) =>
        bot.AllActivities().Any(a => registry.TryGet(a.Type ?? "", out var d) && d.Category == "Browser") ? Browser : Default;

    public static bool IsValidName(string name) => QueueName().IsMatch(name);

    [GeneratedRegex("^[a-z0-9_-]+$")]
    private static partial Regex QueueName();
}
