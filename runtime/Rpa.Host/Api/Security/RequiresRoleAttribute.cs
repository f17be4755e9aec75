namespace Rpa.Host.Api.Security;

/// <summary>
/// Endpoint metadata: the least role a caller needs. Every API endpoint carries it (or <see cref="AllowsAnonymousAttribute"/>);
/// a test enumerates the endpoints and fails for one that has neither.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class RequiresRoleAttribute(RpaRole role) : Attribute
{
    public RpaRole Role { get; } = role;
}

/// <summary>Endpoint metadata: the endpoint is deliberately open to anonymous callers (health, webhooks that check their own secret).</summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class AllowsAnonymousAttribute : Attribute;
