using System.Security.Claims;
using System.Text.Json;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>
/// Appends to the audit log: who (the caller of the request), what (an action like "bot.published"), to what, and details
/// (an object serialized to JSON; never put a secret in it). Endpoints that change bots, runs, approvals, users, keys or
/// credentials call it.
/// </summary>
public sealed class AuditLog(SecurityStore store)
{
    public Task WriteAsync(ClaimsPrincipal user, string action, string target, object? details = null, CancellationToken cancellationToken = default) =>
        WriteAsync(RpaClaims.ActorOf(user), action, target, details, cancellationToken);

    public Task WriteAsync(string actor, string action, string target, object? details = null, CancellationToken cancellationToken = default) =>
        store.AppendAuditAsync(new AuditRecord
        {
            Actor = actor,
            Action = action,
            Target = target,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        }, cancellationToken);
}
