using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>A bot as the API shows it: its latest and published versions and where to find them.</summary>
public sealed record BotResponse(string Name, string? Description, int LatestVersion, int? PublishedVersion, DateTime CreatedAt, DateTime UpdatedAt)
{
    public static BotResponse From(BotRecord bot) => new(bot.Name, bot.Description, bot.LatestVersion, bot.PublishedVersion, bot.CreatedAt, bot.UpdatedAt);
}
