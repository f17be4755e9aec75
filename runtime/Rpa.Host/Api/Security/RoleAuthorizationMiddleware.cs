using Microsoft.AspNetCore.Http;

namespace Rpa.Host.Api.Security;

/// <summary>
/// Authorization from endpoint metadata, after routing: <see cref="AllowsAnonymousAttribute"/> lets anyone through;
/// <see cref="RequiresRoleAttribute"/> needs a signed-in user or API key (else 401) with at least that role (else 403).
/// An endpoint with neither is closed to everyone (fail closed) until it declares its role.
/// </summary>
public sealed class RoleAuthorizationMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        var denied = Check(context, endpoint);
        if (denied is null)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        await denied.ExecuteAsync(context).ConfigureAwait(false);
    }

    /// <summary>The 401/403 for this caller on this endpoint, or null when allowed.</summary>
    internal static IResult? Check(HttpContext context, Endpoint endpoint)
    {
        if (endpoint.Metadata.GetMetadata<AllowsAnonymousAttribute>() is not null) return null;
        var required = endpoint.Metadata.GetMetadata<RequiresRoleAttribute>()?.Role;
        var role = RpaClaims.RoleOf(context.User);
        if (role is null)
        {
            var reason = context.Items[ApiKeyAuthenticationHandler.FailureItem] as string
                ?? "Sign in (POST /api/auth/sign-in) or send an API key (Authorization: Bearer rpa_…).";
            return SecurityProblems.Unauthorized(reason);
        }

        if (required is null)
        {
            return SecurityProblems.Forbidden($"{context.Request.Method} {context.Request.Path} declares no role, so it is closed to everyone (fail closed).");
        }

        return role.Value >= required.Value
            ? null
            : SecurityProblems.Forbidden($"{context.Request.Method} {context.Request.Path} needs the role {required.Value} or higher; {RpaClaims.ActorOf(context.User)} is {role.Value}.");
    }
}
