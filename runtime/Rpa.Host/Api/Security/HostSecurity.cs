using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>
/// Sign-in and authorization of `rpa serve`: a cookie for people (HttpOnly, SameSite=Strict), API keys for automation,
/// and <see cref="RoleAuthorizationMiddleware"/> turning each endpoint's role metadata into 401/403.
/// </summary>
public static class HostSecurity
{
    /// <summary>Picks the API key handler when the request carries a key, the cookie otherwise.</summary>
    public const string Scheme = "Rpa";

    public const string CookieName = "rpa.session";

    public static IServiceCollection AddRpaAuth(this IServiceCollection services)
    {
        services.AddSingleton<Passwords>();
        services.AddSingleton<AuditLog>();
        services.AddSingleton<FirstStartAdmin>();
        services.AddHostedService(provider => provider.GetRequiredService<FirstStartAdmin>());
        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "API key or sign-in cookie", policy => policy.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.KeyOf(context.Request) is null ? CookieAuthenticationDefaults.AuthenticationScheme : ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<SecurityOptions>>((cookie, security) =>
            {
                cookie.Cookie.Name = CookieName;
                cookie.Cookie.HttpOnly = true;
                cookie.Cookie.SameSite = SameSiteMode.Strict;
                cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                cookie.ExpireTimeSpan = security.Value.SessionLifetime;
                cookie.SlidingExpiration = true;
                cookie.Events.OnRedirectToLogin = context => Deny(context.HttpContext, SecurityProblems.Unauthorized("Sign in first."));
                cookie.Events.OnRedirectToAccessDenied = context => Deny(context.HttpContext, SecurityProblems.Forbidden("Your role does not allow this."));
                cookie.Events.OnValidatePrincipal = ValidateCookieAsync;
            });
        return services;
    }

    /// <summary>Before the dashboard and routing: forwarded headers (when proxies are configured), body limit, authentication.</summary>
    public static IApplicationBuilder UseRpaAuthentication(this IApplicationBuilder app)
    {
        var security = app.ApplicationServices.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (security.KnownProxies.Length > 0)
        {
            var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost };
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in security.KnownProxies) forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            app.UseForwardedHeaders(forwarded);
        }

        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        return app;
    }

    /// <summary>After routing: the role check of every endpoint.</summary>
    public static IApplicationBuilder UseRpaAuthorization(this IApplicationBuilder app) => app.UseMiddleware<RoleAuthorizationMiddleware>();

    /// <summary>The security endpoints: auth, users, keys, audit, credentials.</summary>
    public static IEndpointRouteBuilder MapSecurityApi(this IEndpointRouteBuilder app) =>
        app.MapAuthApi().MapUsersApi().MapKeysApi().MapAuditApi().MapCredentialsApi();

    /// <summary>The status code of exceptions that are the client's fault: a body too large, malformed JSON the binder met.</summary>
    public static int ExceptionStatus(Exception exception) => exception switch
    {
        BadHttpRequestException bad => bad.StatusCode,
        JsonException or InvalidDataException => StatusCodes.Status400BadRequest,
        _ => StatusCodes.Status500InternalServerError,
    };

    private static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(RpaClaims.UserId)?.Value;
        var stamp = context.Principal?.FindFirst(RpaClaims.SecurityStamp)?.Value;
        var store = context.HttpContext.RequestServices.GetRequiredService<SecurityStore>();
        var user = Guid.TryParse(id, out var userId) ? await store.GetUserAsync(userId, context.HttpContext.RequestAborted).ConfigureAwait(false) : null;
        if (user is null || user.Disabled || user.SecurityStamp != stamp)
        {
            // Disabled, role or password changed since the cookie was issued: it no longer counts.
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        }
    }

    private static Task Deny(HttpContext context, IResult result) => result.ExecuteAsync(context);
}
