using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>GET /api/audit (Admin): the audit log, newest first; filter by actor, action, from, to, limit. There is no way to change it.</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", QueryAsync).WithTags("Audit").RequiresRole(RpaRole.Admin)
            .WithSummary("The audit log, newest first: who created/published bots, started/cancelled runs, changed users, keys and credentials.");
        return app;
    }

    private static async Task<IResult> QueryAsync(
        SecurityStore store, CancellationToken cancellationToken, string? actor = null, string? action = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 100)
    {
        if (limit is < 1 or > 1000) return ApiProblems.BadRequest("'limit' must be between 1 and 1000.");
        var entries = await store.QueryAuditAsync(actor, action, from?.UtcDateTime, to?.UtcDateTime, limit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(entries.Select(e => new AuditResponse(e.Id, e.At, e.Actor, e.Action, e.Target, e.Details is null ? null : JsonNode.Parse(e.Details))).ToArray());
    }
}

/// <summary>One audit log entry.</summary>
public sealed record AuditResponse(long Id, DateTime At, string Actor, string Action, string Target, JsonNode? Details);
