namespace Rpa.Runtime.Store;

/// <summary>One saved version of a bot: its bot.json as it was given, never changed once saved.</summary>
public sealed class BotVersionRecord
{
    public required string BotName { get; set; }

    /// <summary>1, 2, 3… per bot, in save order (independent of the "version" field inside bot.json).</summary>
    public int Version { get; set; }

    public required string Definition { get; set; }

    /// <summary>SHA-256 of <see cref="Definition"/>, hex: the start-up import skips a bot whose file did not change.</summary>
    public required string Hash { get; set; }

    /// <summary>The Hangfire queue its runs go to: "browser" when it uses a browser activity, else "default".</summary>
    public required string Queue { get; set; }

    /// <summary>The folder it was imported from, if any: relative paths in the bot resolve against it.</summary>
    public string? Location { get; set; }

    public DateTime CreatedAt { get; set; }
}
