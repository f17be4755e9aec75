using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>/api/auth: sign in with a user name and password (a cookie), sign out, who am I, and one-time sign-in links.</summary>
public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/sign-in", SignInAsync).AllowsAnonymous()
            .Accepts<object>("application/json")
            .WithSummary("Signs in: { \"userName\", \"password\" } → a sign-in cookie (HttpOnly, SameSite=Strict).");
        auth.MapPost("/sign-out", SignOutAsync).AllowsAnonymous().WithSummary("Ends the sign-in cookie.");
        auth.MapGet("/me", Me).RequiresRole(RpaRole.Viewer).WithSummary("The caller: name, role, user or API key.");
        auth.MapGet("/link/{token}", LinkPageAsync).AllowsAnonymous()
            .WithSummary("A one-time sign-in link: a page to set the password (the link is used only when the form is sent).");
        auth.MapPost("/link/{token}", UseLinkAsync).AllowsAnonymous()
            .WithSummary("Uses a one-time sign-in link: sets the password (form field or JSON 'password') and signs in.");
        return app;
    }

    /// <summary>The address of a sign-in link, on the host the request came to.</summary>
    public static string LinkUrl(HttpRequest request, string token) => $"{request.Scheme}://{request.Host}/api/auth/link/{token}";

    internal static Task SignInCookieAsync(HttpContext context, UserRecord user) =>
        context.SignInAsync(
            CookieAuthenticationDefaults.AuthenticationScheme,
            RpaClaims.ForUser(user.Id, user.UserName, user.Role, user.SecurityStamp, CookieAuthenticationDefaults.AuthenticationScheme));

    private static async Task<IResult> SignInAsync(HttpContext context, SecurityStore store, Passwords passwords, AuditLog audit, CancellationToken cancellationToken)
    {
        var (body, error) = await ApiJson.ReadObjectAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (body is null) return ApiProblems.BadRequest(error!);
        if (JsonFields.Unknown(body, "userName", "password") is { } unknown) return ApiProblems.BadRequest(unknown);
        var (userName, userError) = JsonFields.Text(body, "userName", required: true, max: 100);
        var (password, passwordError) = JsonFields.Text(body, "password", required: true);
        if ((userError ?? passwordError) is { } fieldError) return ApiProblems.BadRequest(fieldError);
        var user = await store.FindUserAsync(userName!, cancellationToken).ConfigureAwait(false);
        if (!passwords.Verify(user, password!))
        {
            await audit.WriteAsync("anonymous", "auth.sign-in-failed", $"user:{userName}", cancellationToken: cancellationToken).ConfigureAwait(false);
            return SecurityProblems.Unauthorized("The user name or the password is wrong, or the user is disabled.");
        }

        await SignInCookieAsync(context, user!).ConfigureAwait(false);
        return TypedResults.Ok(new MeResponse(user!.UserName, user.Role, "user"));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme).ConfigureAwait(false);
        return TypedResults.NoContent();
    }

    private static IResult Me(ClaimsPrincipal user) =>
        TypedResults.Ok(new MeResponse(user.FindFirstValue(ClaimTypes.Name) ?? "", RpaClaims.RoleOf(user)!.Value.ToString(), user.FindFirstValue(RpaClaims.Kind) ?? "user"));

    private static async Task<IResult> LinkPageAsync(string token, SecurityStore store, CancellationToken cancellationToken)
    {
        var user = await store.PeekSignInLinkAsync(token, cancellationToken).ConfigureAwait(false);
        if (user is null) return Page(StatusCodes.Status404NotFound, "Link not valid", "<p>This sign-in link is unknown, already used or expired. Ask an Admin for a new one (POST /api/users/{id}/reset), or, for the admin, restart the server with <code>--reset-admin</code>.</p>");
        var name = WebUtility.HtmlEncode(user.UserName);
        return Page(StatusCodes.Status200OK, "Set your password", $"""
            <p>Signed in as <b>{name}</b> ({WebUtility.HtmlEncode(user.Role)}) once you set a password ({Passwords.MinimumLength} characters or more). This link works once.</p>
            <form method="post">
              <input type="hidden" name="userName" value="{name}" autocomplete="username">
              <p><label>Password <input type="password" name="password" minlength="{Passwords.MinimumLength}" required autocomplete="new-password"></label></p>
              <p><label>Again <input type="password" name="confirm" minlength="{Passwords.MinimumLength}" required autocomplete="new-password"></label></p>
              <p><button type="submit">Set password and sign in</button></p>
            </form>
            """);
    }

    private static async Task<IResult> UseLinkAsync(string token, HttpContext context, SecurityStore store, Passwords passwords, AuditLog audit, CancellationToken cancellationToken)
    {
        var request = context.Request;
        string? password;
        string? confirm;
        var isForm = request.HasFormContentType;
        if (isForm)
        {
            Microsoft.AspNetCore.Http.IFormCollection form;
            try
            {
                form = await request.ReadFormAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
            {
                return ApiProblems.BadRequest($"The form cannot be read: {e.Message}");
            }

            password = form["password"].ToString();
            confirm = form["confirm"].ToString();
        }
        else
        {
            var (body, error) = await ApiJson.ReadObjectAsync(request, cancellationToken).ConfigureAwait(false);
            if (body is null) return ApiProblems.BadRequest(error!);
            if (JsonFields.Unknown(body, "password") is { } unknown) return ApiProblems.BadRequest(unknown);
            (password, var passwordError) = JsonFields.Text(body, "password", required: true);
            if (passwordError is not null) return ApiProblems.BadRequest(passwordError);
            confirm = password;
        }

        var problem = Passwords.Problem(password ?? "") ?? (password != confirm ? "The two passwords differ." : null);
        if (problem is not null)
        {
            return isForm ? Page(StatusCodes.Status400BadRequest, "Password not set", $"<p>{WebUtility.HtmlEncode(problem)} <a href=\"\">Try again</a>.</p>") : ApiProblems.BadRequest(problem);
        }

        var target = await store.PeekSignInLinkAsync(token, cancellationToken).ConfigureAwait(false);
        var user = target is null ? null : await store.UseSignInLinkAsync(token, passwords.Hash(target, password!), cancellationToken).ConfigureAwait(false);
        if (user is null)
        {
            const string gone = "This sign-in link is unknown, already used or expired.";
            return isForm ? Page(StatusCodes.Status404NotFound, "Link not valid", $"<p>{gone}</p>") : ApiProblems.NotFound(gone);
        }

        await audit.WriteAsync($"user:{user.UserName}", "user.password-set", $"user:{user.UserName}", new { via = "sign-in link" }, cancellationToken).ConfigureAwait(false);
        await SignInCookieAsync(context, user).ConfigureAwait(false);
        return isForm ? Results.Redirect("/", permanent: false) : TypedResults.Ok(new MeResponse(user.UserName, user.Role, "user"));
    }

    private const string PageStyle = "body{font-family:system-ui,sans-serif;max-width:32rem;margin:4rem auto;padding:0 1rem}input{width:100%;padding:.4rem}";

    private static IResult Page(int status, string title, string body) => Results.Content(
        $"""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="referrer" content="no-referrer"><title>Rpa: {title}</title>
        <style>{PageStyle}</style></head>
        <body><h1>{title}</h1>{body}</body></html>
        """,
        "text/html; charset=utf-8", statusCode: status);
}
