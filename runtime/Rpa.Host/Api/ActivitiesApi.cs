using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rpa.Engine.Descriptors;
using Rpa.Host.Api.Security;

namespace Rpa.Host.Api;

/// <summary>GET /api/activities: the descriptors of every activity this host can run (the designer's palette).</summary>
public static class ActivitiesApi
{
    public static IEndpointRouteBuilder MapActivitiesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/activities", List)
            .WithTags("Activities")
            .RequiresRole(RpaRole.Viewer)
            .WithSummary("The activity descriptors: inputs, outputs, slots and outcomes of every activity type.");
        return app;
    }

    internal static Ok<JsonArray> List(ActivityRegistry registry) => TypedResults.Ok(DescriptorDocuments.ToJson(registry));
}
