namespace Rpa.Runtime.Store;

/// <summary>A bot in the store: its name and which of its versions is the latest and which is published (the one triggers run).</summary>
public sealed class BotRecord
{
    public required string Name { get; set; }

    public string? Description { get; set; }

    public int LatestVersion { get; set; }

    public int? PublishedVersion { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
