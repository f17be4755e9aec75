using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rpa.Host.PracticeApps;

/// <summary>
/// Practice apps that are only static files, each at /{folder}/ from bots/practice-apps/{folder}: the canvas ledger
/// (a form drawn in pixels, for bots that work by OCR) and the accounts-payable form (for the invoice-capture bot).
/// </summary>
internal static class StaticApps
{
    public static readonly string[] Folders = ["canvas", "payables"];

    public static void MapStaticApps(this IEndpointRouteBuilder app, PracticeAppsOptions options)
    {
        foreach (var name in Folders)
        {
            var folder = Path.Combine(options.StaticRoot, name);
            if (!Directory.Exists(folder)) continue;
            var files = new StaticFolder(folder);
            var group = app.MapGroup("/" + name);

            // "/canvas" and "/canvas/" both match the first route; the page's relative links need the trailing slash.
            group.MapGet("/", (HttpContext http) => http.Request.Path.Value!.EndsWith('/')
                ? files.Serve(http, "index.html")
                : TypedResults.Redirect(http.Request.PathBase + http.Request.Path + "/"));
            group.MapGet("/{**file}", (HttpContext http, string file) => files.Serve(http, file.Length == 0 ? "index.html" : file));
        }
    }
}
