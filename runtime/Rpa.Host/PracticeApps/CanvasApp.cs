using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rpa.Host.PracticeApps;

/// <summary>The canvas ledger at /canvas/: a form drawn only in pixels, for bots that work by OCR (bots/practice-apps/canvas).</summary>
internal static class CanvasApp
{
    public static void MapCanvas(this IEndpointRouteBuilder app, PracticeAppsOptions options)
    {
        var folder = Path.Combine(options.StaticRoot, "canvas");
        if (!Directory.Exists(folder)) return;
        var files = new StaticFolder(folder);
        var canvas = app.MapGroup("/canvas");

        // "/canvas" and "/canvas/" both match the first route; the page's relative links need the trailing slash.
        canvas.MapGet("/", (HttpContext http) => http.Request.Path.Value!.EndsWith('/')
            ? files.Serve(http, "index.html")
            : TypedResults.Redirect(http.Request.PathBase + http.Request.Path + "/"));
        canvas.MapGet("/{**file}", (HttpContext http, string file) => files.Serve(http, file.Length == 0 ? "index.html" : file));
    }
}
