namespace Rpa.Runtime.Store;

/// <summary>A file a run produced (screenshot, PDF, spreadsheet), kept on disk under the data folder.</summary>
public sealed class ArtifactRecord
{
    public Guid Id { get; set; }

    public Guid RunId { get; set; }

    public required string Name { get; set; }

    public required string Path { get; set; }

    public long Size { get; set; }

    public DateTime CreatedAt { get; set; }
}
