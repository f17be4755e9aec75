namespace Rpa.Runtime.Security;

/// <summary>A one-time link that lets a user set their password: only the SHA-256 of its token is stored.</summary>
public sealed class SignInLinkRecord
{
    /// <summary>The SHA-256 of the token, lower-case hex.</summary>
    public required string TokenHash { get; set; }

    public Guid UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}
