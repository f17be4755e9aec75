using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.FileProviders;

namespace Rpa.Host.Server;

/// <summary>
/// The web designer (designer/dist, built by `npm run build`) at /: its files, and index.html for every other path
/// that is not the API's (client-side routes such as /runs/…). /api, /openapi, /health, /hangfire and /practice keep
/// their own answers, also for paths that do not exist (a problem details 404, not the designer's page).
/// </summary>
public static class DesignerFiles
{
    private static readonly string[] ServerPrefixes = ["/api", "/openapi", "/health", "/hangfire", "/practice"];

    /// <summary>
    /// The folder with index.html: the configured one (Rpa:Serve:Designer), else designer/dist found by walking up from
    /// the program's folder (.build/rpa in a clone) and then from the current folder; null when the designer is not built.
    /// </summary>
    public static string? Locate(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(Path.Combine(configured, "index.html")) ? Path.GetFullPath(configured) : null;
        }

        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "designer", "dist");
                if (File.Exists(Path.Combine(candidate, "index.html"))) return candidate;
            }
        }

        return null;
    }

    /// <summary>Serves the designer's files; before routing, so only existing files are answered here.</summary>
    public static void UseDesignerFiles(this IApplicationBuilder app, string folder)
    {
        var files = new PhysicalFileProvider(folder);
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
    }

    /// <summary>
    /// index.html for client-side routes: after the endpoints, for GET requests no endpoint took. Not an endpoint-routing
    /// fallback, which would win over an API endpoint that routing rejects (a POST without a JSON content type).
    /// Paths under the server's prefixes go on to a 404 problem.
    /// </summary>
    public static void UseDesignerFallback(this IApplicationBuilder app, string folder)
    {
        var index = Path.Combine(folder, "index.html");
        app.Use(next => context =>
        {
            var path = context.Request.Path;
            if (context.GetEndpoint() is not null || !(HttpMethods.IsGet(context.Request.Method) || HttpMethods.IsHead(context.Request.Method))
                || ServerPrefixes.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase)))
            {
                return next(context);
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            return context.Response.SendFileAsync(index);
        });
    }
}
