using System.Security.Claims;

namespace Rpa.Host.Api.Security;

/// <summary>The claims of a signed-in user or an API key, and what the API reads from them.</summary>
public static class RpaClaims
{
    public const string UserId = "rpa:user-id";
    public const string SecurityStamp = "rpa:stamp";
    public const string Kind = "rpa:kind";
    public const string KeyPrefix = "rpa:key-prefix";

    public static ClaimsPrincipal ForUser(Guid id, string userName, string role, string stamp, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, userName),
            new Claim(ClaimTypes.Role, role),
            new Claim(UserId, id.ToString()),
            new Claim(SecurityStamp, stamp),
            new Claim(Kind, "user"),
        ], scheme));

    public static ClaimsPrincipal ForApiKey(string name, string prefix, string role, string scheme) =>
        new(new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, name),
            new Claim(ClaimTypes.Role, role),
            new Claim(KeyPrefix, prefix),
            new Claim(Kind, "key"),
        ], scheme));

    /// <summary>The caller's role, or null when anonymous or the role is unknown.</summary>
    public static RpaRole? RoleOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && Enum.TryParse<RpaRole>(user.FindFirstValue(ClaimTypes.Role), out var role) && Enum.IsDefined(role) ? role : null;

    /// <summary>How the audit log names the caller: "user:ada", "key:ci (rpa_ab12cd34)" or "anonymous".</summary>
    public static string ActorOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return "anonymous";
        var name = user.FindFirstValue(ClaimTypes.Name) ?? "?";
        return user.FindFirstValue(Kind) == "key" ? $"key:{name} ({user.FindFirstValue(KeyPrefix)})" : $"user:{name}";
    }

    /// <summary>Parses a role name as the API accepts it (case-insensitive): Viewer, Operator, Engineer, Admin.</summary>
    public static bool TryParseRole(string? text, out RpaRole role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);
}
