using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>A file a run produced, with the address to download it.</summary>
public sealed record ArtifactResponse(Guid Id, string Name, long Size, DateTime CreatedAt, string Download)
{
    public static ArtifactResponse From(ArtifactRecord artifact) =>
        new(artifact.Id, artifact.Name, artifact.Size, artifact.CreatedAt, $"/api/runs/{artifact.RunId}/artifacts/{artifact.Id}");
}
