using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Rpa.Host.PracticeApps;

/// <summary>The input-forms challenge at /challenge/: the static page and its data as Excel, CSV and JSON.</summary>
internal static class ChallengeApi
{
    public const string XlsxContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapChallenge(this IEndpointRouteBuilder app, PracticeAppsOptions options)
    {
        var files = new StaticFolder(Path.Combine(options.StaticRoot, "challenge"));
        var challenge = app.MapGroup("/challenge");

        challenge.MapGet("/data.xlsx", () => TypedResults.File(ChallengeData.ToXlsx(), XlsxContentType, "challenge.xlsx"));
        challenge.MapGet("/data.csv", () => TypedResults.File(System.Text.Encoding.UTF8.GetBytes(ChallengeData.ToCsv()), "text/csv; charset=utf-8", "challenge.csv"));
        challenge.MapGet("/data.json", () => TypedResults.Text(ChallengeData.ToJson(), "application/json; charset=utf-8"));

        // "/challenge" and "/challenge/" both match the first route; the page's relative links need the trailing slash.
        challenge.MapGet("/", (HttpContext http) => http.Request.Path.Value!.EndsWith('/')
            ? files.Serve(http, "index.html")
            : TypedResults.Redirect(http.Request.PathBase + http.Request.Path + "/"));
        challenge.MapGet("/{**file}", (HttpContext http, string file) => files.Serve(http, file.Length == 0 ? "index.html" : file));
    }
}
