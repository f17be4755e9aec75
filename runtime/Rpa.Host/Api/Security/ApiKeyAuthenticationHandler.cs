using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>
/// API keys: <c>Authorization: Bearer rpa_…</c> or <c>X-Api-Key: rpa_…</c>. The key's SHA-256 is looked up in the store;
/// an unknown, revoked or expired key fails (401 with the reason, never which of the three for an unknown one).
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SecurityStore store)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";

    /// <summary>Where the reason a key failed is left for the 401 problem.</summary>
    public const string FailureItem = "rpa:auth-failure";

    public static string? KeyOf(Microsoft.AspNetCore.Http.HttpRequest request)
    {
        if (request.Headers["X-Api-Key"].ToString() is { Length: > 0 } header) return header.Trim();
        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = KeyOf(Request);
        if (key is null) return AuthenticateResult.NoResult();
        if (!key.StartsWith(SecretTokens.ApiKeyPrefix, StringComparison.Ordinal) || key.Length > 200) return Fail("The API key is not one of this runtime's keys (they start with 'rpa_').");
        var record = await store.FindApiKeyAsync(SecretTokens.Hash(key), Context.RequestAborted).ConfigureAwait(false);
        if (record is null) return Fail("The API key is unknown.");
        if (record.RevokedAt is not null) return Fail($"The API key '{record.Name}' ({record.Prefix}) was revoked.");
        if (record.ExpiresAt <= store.Now) return Fail($"The API key '{record.Name}' ({record.Prefix}) expired at {record.ExpiresAt:u}.");
        return AuthenticateResult.Success(new AuthenticationTicket(RpaClaims.ForApiKey(record.Name, record.Prefix, record.Role, SchemeName), SchemeName));
    }

    private AuthenticateResult Fail(string reason)
    {
        Context.Items[FailureItem] = reason;
        return AuthenticateResult.Fail(reason);
    }
}
