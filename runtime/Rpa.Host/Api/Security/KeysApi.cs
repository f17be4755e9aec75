using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>/api/keys (Admin): create an API key with a role and an expiry (the key is shown once), list (no secrets), revoke.</summary>
public static class KeysApi
{
    public const int MaxDays = 3650;

    public static IEndpointRouteBuilder MapKeysApi(this IEndpointRouteBuilder app)
    {
        var keys = app.MapGroup("/api/keys").WithTags("API keys").RequiresRole(RpaRole.Admin);
        keys.MapGet("/", ListAsync).WithSummary("Every API key: name, prefix, role, expiry, revocation; never the key.");
        keys.MapPost("/", CreateAsync).Accepts<object>("application/json")
            .WithSummary("Creates a key: { \"name\", \"role\", \"expiresInDays\" (default Rpa:Security:DefaultApiKeyDays) } → the key, shown this once.");
        keys.MapDelete("/{id:guid}", RevokeAsync).WithSummary("Revokes a key at once; it stays listed as revoked.");
        return app;
    }

    /// <summary>Creates a key; returns the record and the key itself (which the store does not keep).</summary>
    public static async Task<(ApiKeyRecord Record, string Key)> CreateKeyAsync(SecurityStore store, string name, RpaRole role, int days, string createdBy, CancellationToken cancellationToken)
    {
        var key = SecretTokens.New(SecretTokens.ApiKeyPrefix);
        var record = new ApiKeyRecord
        {
            Id = Guid.NewGuid(),
            Name = name,
            Prefix = key[..12],
            Hash = SecretTokens.Hash(key),
            Role = role.ToString(),
            CreatedBy = createdBy,
            CreatedAt = store.Now,
            ExpiresAt = store.Now.AddDays(days),
        };
        await store.AddApiKeyAsync(record, cancellationToken).ConfigureAwait(false);
        return (record, key);
    }

    private static async Task<IResult> ListAsync(SecurityStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListApiKeysAsync(cancellationToken).ConfigureAwait(false)).Select(k => ApiKeyResponse.From(k)).ToArray());

    private static async Task<IResult> CreateAsync(HttpContext context, SecurityStore store, AuditLog audit, IOptions<SecurityOptions> options, CancellationToken cancellationToken)
    {
        var (body, error) = await ApiJson.ReadObjectAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (body is null) return ApiProblems.BadRequest(error!);
        if (JsonFields.Unknown(body, "name", "role", "expiresInDays") is { } unknown) return ApiProblems.BadRequest(unknown);
        var (name, nameError) = JsonFields.Text(body, "name", required: true, max: 100);
        var (roleText, roleError) = JsonFields.Text(body, "role", required: true, max: 20);
        if ((nameError ?? roleError) is { } fieldError) return ApiProblems.BadRequest(fieldError);
        if (!RpaClaims.TryParseRole(roleText, out var role)) return ApiProblems.BadRequest($"'{roleText}' is not a role: Viewer, Operator, Engineer or Admin.");
        var days = options.Value.DefaultApiKeyDays;
        if (body["expiresInDays"] is { } daysNode)
        {
            if (daysNode is not JsonValue v || !v.TryGetValue<int>(out days) || days is < 1 or > MaxDays)
            {
                return ApiProblems.BadRequest($"'expiresInDays' must be a whole number from 1 to {MaxDays}.");
            }
        }

        var (record, key) = await CreateKeyAsync(store, name!, role, days, RpaClaims.ActorOf(context.User), cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(context.User, "key.created", $"key:{record.Name} ({record.Prefix})", new { role = record.Role, expiresAt = record.ExpiresAt }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/keys/{record.Id}", ApiKeyResponse.From(record, key));
    }

    private static async Task<IResult> RevokeAsync(Guid id, HttpContext context, SecurityStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        var key = await store.RevokeApiKeyAsync(id, RpaClaims.ActorOf(context.User), cancellationToken).ConfigureAwait(false);
        if (key is null) return ApiProblems.NotFound($"There is no API key {id}.");
        await audit.WriteAsync(context.User, "key.revoked", $"key:{key.Name} ({key.Prefix})", cancellationToken: cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(ApiKeyResponse.From(key));
    }
}
