using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>An API key as the API shows it: never the key, except <c>Key</c> once, in the answer that created it.</summary>
public sealed record ApiKeyResponse(
    Guid Id, string Name, string Prefix, string Role, string CreatedBy, DateTime CreatedAt, DateTime ExpiresAt, DateTime? RevokedAt, string? RevokedBy, string? Key = null)
{
    public static ApiKeyResponse From(ApiKeyRecord key, string? secret = null) =>
        new(key.Id, key.Name, key.Prefix, key.Role, key.CreatedBy, key.CreatedAt, key.ExpiresAt, key.RevokedAt, key.RevokedBy, secret);
}
