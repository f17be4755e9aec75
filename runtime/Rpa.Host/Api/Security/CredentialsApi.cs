using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rpa.Engine.Activities.Vault;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>
/// /api/credentials: the vault, write-only. PUT saves a credential (encrypted at rest) and DELETE removes one (Admin);
/// GET lists names, kinds and dates, never values (Engineer: the designer's credentials picker). Only runs read values,
/// through the GetCredential activity.
/// </summary>
public static class CredentialsApi
{
    public static IEndpointRouteBuilder MapCredentialsApi(this IEndpointRouteBuilder app)
    {
        var credentials = app.MapGroup("/api/credentials").WithTags("Credentials");
        credentials.MapGet("/", ListAsync).RequiresRole(RpaRole.Engineer)
            .WithSummary("Every credential: name, kind, who changed it and when; never the values. Engineers read it to pick a credential for GetCredential.");
        credentials.MapPut("/{name}", PutAsync).Accepts<object>("application/json")
            .RequiresRole(RpaRole.Admin)
            .WithSummary("Saves a credential: { \"kind\": \"UsernamePassword\" | \"ApiToken\" | \"Smtp\", \"username\", \"password\", \"token\", \"host\", \"port\" }. Write-only.");
        credentials.MapDelete("/{name}", DeleteAsync).RequiresRole(RpaRole.Admin).WithSummary("Deletes a credential.");
        return app;
    }

    private static async Task<IResult> ListAsync(SecurityStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListCredentialsAsync(cancellationToken).ConfigureAwait(false))
            .Select(c => new CredentialResponse(c.Name, c.Kind, c.CreatedBy, c.CreatedAt, c.UpdatedBy, c.UpdatedAt)).ToArray());

    private static async Task<IResult> PutAsync(string name, HttpContext context, CredentialVault vault, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!IsName(name)) return ApiProblems.BadRequest($"'{name}' is not a credential name: letters, digits, '.', '_' and '-', 1 to 200 characters.");
        var (body, error) = await ApiJson.ReadObjectAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (body is null) return ApiProblems.BadRequest(error!);
        if (JsonFields.Unknown(body, "kind", "username", "password", "token", "host", "port") is { } unknown) return ApiProblems.BadRequest(unknown);
        var (kind, kindError) = JsonFields.Text(body, "kind", required: true, max: 40);
        var (username, usernameError) = JsonFields.Text(body, "username", required: false);
        var (password, passwordError) = JsonFields.Text(body, "password", required: false, max: 4000);
        var (token, tokenError) = JsonFields.Text(body, "token", required: false, max: 8000);
        var (host, hostError) = JsonFields.Text(body, "host", required: false);
        if ((kindError ?? usernameError ?? passwordError ?? tokenError ?? hostError) is { } fieldError) return ApiProblems.BadRequest(fieldError);
        int? port = null;
        if (body["port"] is { } portNode)
        {
            if (portNode is not JsonValue v || !v.TryGetValue<int>(out var p) || p is < 1 or > 65535) return ApiProblems.BadRequest("'port' must be a whole number from 1 to 65535.");
            port = p;
        }

        var problem = kind switch
        {
            "UsernamePassword" when string.IsNullOrEmpty(username) || string.IsNullOrEmpty(password) => "A UsernamePassword credential needs 'username' and 'password'.",
            "UsernamePassword" when token is not null || host is not null || port is not null => "A UsernamePassword credential has only 'username' and 'password'.",
            "ApiToken" when string.IsNullOrEmpty(token) => "An ApiToken credential needs 'token'.",
            "ApiToken" when username is not null || password is not null || host is not null || port is not null => "An ApiToken credential has only 'token'.",
            "Smtp" when string.IsNullOrEmpty(host) || port is null => "An Smtp credential needs 'host' and 'port' (and usually 'username' and 'password').",
            "Smtp" when token is not null => "An Smtp credential has no 'token'.",
            "UsernamePassword" or "ApiToken" or "Smtp" => null,
            _ => $"'{kind}' is not a credential kind: {string.Join(", ", CredentialVault.Kinds)}.",
        };
        if (problem is not null) return ApiProblems.BadRequest(problem);

        var credential = new VaultCredential(name, kind!) { Username = username, Password = password, Token = token, Host = host, Port = port };
        var created = await vault.PutAsync(credential, RpaClaims.ActorOf(context.User), cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(context.User, created ? "credential.created" : "credential.updated", $"credential:{name}", new { kind }, cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static async Task<IResult> DeleteAsync(string name, HttpContext context, SecurityStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!await store.DeleteCredentialAsync(name, cancellationToken).ConfigureAwait(false)) return ApiProblems.NotFound($"There is no credential '{name}'.");
        await audit.WriteAsync(context.User, "credential.deleted", $"credential:{name}", cancellationToken: cancellationToken).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static bool IsName(string name) =>
        name.Length is > 0 and <= 200 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');
}

/// <summary>A credential as the API lists it: never its values.</summary>
public sealed record CredentialResponse(string Name, string Kind, string CreatedBy, DateTime CreatedAt, string UpdatedBy, DateTime UpdatedAt);
