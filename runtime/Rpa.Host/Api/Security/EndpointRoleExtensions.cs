using Microsoft.AspNetCore.Builder;

namespace Rpa.Host.Api.Security;

/// <summary><c>.RequiresRole(RpaRole.Operator)</c> on an endpoint or a group: the least role a caller needs.</summary>
public static class EndpointRoleExtensions
{
    public static TBuilder RequiresRole<TBuilder>(this TBuilder builder, RpaRole role) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new RequiresRoleAttribute(role));

    public static TBuilder AllowsAnonymous<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new AllowsAnonymousAttribute());
}
