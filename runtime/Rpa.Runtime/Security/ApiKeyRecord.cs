namespace Rpa.Runtime.Security;

/// <summary>An API key for automation: only the SHA-256 of the key is stored; the prefix identifies it in lists.</summary>
public sealed class ApiKeyRecord
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The first characters of the key ("rpa_" and 8 more), shown in lists so people can tell keys apart.</summary>
    public required string Prefix { get; set; }

    /// <summary>The SHA-256 of the whole key, lower-case hex.</summary>
    public required string Hash { get; set; }

    /// <summary>Viewer, Operator, Engineer or Admin.</summary>
    public required string Role { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? RevokedAt { get; set; }

    public string? RevokedBy { get; set; }
}
