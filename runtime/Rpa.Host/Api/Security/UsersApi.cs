using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>/api/users (Admin): list, create with a role (→ one-time sign-in link), change role, disable/enable, reset (→ new link).</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequiresRole(RpaRole.Admin);
        users.MapGet("/", ListAsync).WithSummary("Every user with role and state.");
        users.MapPost("/", CreateAsync).Accepts<object>("application/json")
            .WithSummary("Creates a user: { \"userName\", \"role\" } → the user and a one-time sign-in link to set the password.");
        users.MapPost("/{id:guid}/role", ChangeRoleAsync).Accepts<object>("application/json").WithSummary("Changes the role: { \"role\" }.");
        users.MapPost("/{id:guid}/disable", (Guid id, HttpContext c, SecurityStore s, AuditLog a, CancellationToken t) => SetDisabledAsync(id, true, c, s, a, t))
            .WithSummary("Disables a user: no more sign-ins, and their cookies stop working.");
        users.MapPost("/{id:guid}/enable", (Guid id, HttpContext c, SecurityStore s, AuditLog a, CancellationToken t) => SetDisabledAsync(id, false, c, s, a, t))
            .WithSummary("Enables a disabled user.");
        users.MapPost("/{id:guid}/reset", ResetAsync).WithSummary("Clears the password and returns a new one-time sign-in link.");
        return app;
    }

    private static async Task<IResult> ListAsync(SecurityStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListUsersAsync(cancellationToken).ConfigureAwait(false)).Select(u => UserResponse.From(u)).ToArray());

    private static async Task<IResult> CreateAsync(HttpContext context, SecurityStore store, AuditLog audit, IOptions<SecurityOptions> options, CancellationToken cancellationToken)
    {
        var (body, error) = await ApiJson.ReadObjectAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (body is null) return ApiProblems.BadRequest(error!);
        if (JsonFields.Unknown(body, "userName", "role") is { } unknown) return ApiProblems.BadRequest(unknown);
        var (userName, nameError) = JsonFields.Text(body, "userName", required: true, max: 100);
        var (roleText, roleError) = JsonFields.Text(body, "role", required: true, max: 20);
        if ((nameError ?? roleError) is { } fieldError) return ApiProblems.BadRequest(fieldError);
        if (!IsUserName(userName!)) return ApiProblems.BadRequest($"'{userName}' is not a user name: letters, digits, '.', '_', '-' and '@', 1 to 100 characters.");
        if (!RpaClaims.TryParseRole(roleText, out var role)) return ApiProblems.BadRequest($"'{roleText}' is not a role: Viewer, Operator, Engineer or Admin.");
        var user = await store.CreateUserAsync(userName!, role.ToString(), cancellationToken).ConfigureAwait(false);
        if (user is null) return TypedResults.Problem(detail: $"There is already a user '{userName}'.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        var token = await store.CreateSignInLinkAsync(user.Id, options.Value.SignInLinkLifetime, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(context.User, "user.created", $"user:{user.UserName}", new { role = user.Role }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/users/{user.Id}", UserResponse.From(user, AuthApi.LinkUrl(context.Request, token)));
    }

    private static async Task<IResult> ChangeRoleAsync(Guid id, HttpContext context, SecurityStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        var (body, error) = await ApiJson.ReadObjectAsync(context.Request, cancellationToken).ConfigureAwait(false);
        if (body is null) return ApiProblems.BadRequest(error!);
        if (JsonFields.Unknown(body, "role") is { } unknown) return ApiProblems.BadRequest(unknown);
        var (roleText, roleError) = JsonFields.Text(body, "role", required: true, max: 20);
        if (roleError is not null) return ApiProblems.BadRequest(roleError);
        if (!RpaClaims.TryParseRole(roleText, out var role)) return ApiProblems.BadRequest($"'{roleText}' is not a role: Viewer, Operator, Engineer or Admin.");
        if (role != RpaRole.Admin && await IsLastAdminAsync(id, store, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.BadRequest("This is the last enabled Admin: make another user Admin first.");
        }

        var before = await store.GetUserAsync(id, cancellationToken).ConfigureAwait(false);
        var user = await store.UpdateUserAsync(id, u => u.Role = role.ToString(), cancellationToken).ConfigureAwait(false);
        if (user is null) return ApiProblems.NotFound($"There is no user {id}.");
        await audit.WriteAsync(context.User, "user.role-changed", $"user:{user.UserName}", new { from = before?.Role, to = user.Role }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<IResult> SetDisabledAsync(Guid id, bool disabled, HttpContext context, SecurityStore store, AuditLog audit, CancellationToken cancellationToken)
    {
        if (disabled && await IsLastAdminAsync(id, store, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.BadRequest("This is the last enabled Admin: it cannot be disabled.");
        }

        var user = await store.UpdateUserAsync(id, u => u.Disabled = disabled, cancellationToken).ConfigureAwait(false);
        if (user is null) return ApiProblems.NotFound($"There is no user {id}.");
        await audit.WriteAsync(context.User, disabled ? "user.disabled" : "user.enabled", $"user:{user.UserName}", cancellationToken: cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(UserResponse.From(user));
    }

    private static async Task<IResult> ResetAsync(Guid id, HttpContext context, SecurityStore store, AuditLog audit, IOptions<SecurityOptions> options, CancellationToken cancellationToken)
    {
        var user = await store.UpdateUserAsync(id, u => u.PasswordHash = null, cancellationToken).ConfigureAwait(false);
        if (user is null) return ApiProblems.NotFound($"There is no user {id}.");
        var token = await store.CreateSignInLinkAsync(user.Id, options.Value.SignInLinkLifetime, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(context.User, "user.reset", $"user:{user.UserName}", cancellationToken: cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(UserResponse.From(user, AuthApi.LinkUrl(context.Request, token)));
    }

    private static async Task<bool> IsLastAdminAsync(Guid id, SecurityStore store, CancellationToken cancellationToken)
    {
        var admins = (await store.ListUsersAsync(cancellationToken).ConfigureAwait(false)).Where(u => u.Role == nameof(RpaRole.Admin) && !u.Disabled).ToList();
        return admins.Count == 1 && admins[0].Id == id;
    }

    internal static bool IsUserName(string name) =>
        name.Length is > 0 and <= 100 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '@');

    internal static string Actor(ClaimsPrincipal user) => RpaClaims.ActorOf(user);
}
