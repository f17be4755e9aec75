using System.Text.Json.Nodes;
using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>One saved version of a bot with its bot.json.</summary>
public sealed record BotVersionResponse(string Bot, int Version, bool Published, string Queue, DateTime CreatedAt, JsonNode? Definition)
{
    public static BotVersionResponse From(BotVersionRecord version, int? published) =>
        new(version.BotName, version.Version, version.Version == published, version.Queue, version.CreatedAt, ApiJson.Parse(version.Definition));
}
