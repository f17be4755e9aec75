using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Rpa.Host.PracticeApps;

/// <summary>Mounts the practice apps on any endpoint route builder, e.g. <c>app.MapGroup("/practice").MapPracticeApps(options)</c>.</summary>
public static class PracticeAppsEndpoints
{
    /// <summary>
    /// Maps an index page at "/", the input-forms challenge at "/challenge/" and the CRM at "/crm/" (relative to <paramref name="app"/>,
    /// so a route group gives them a prefix). Each call gets its own CRM state. Needs no middleware and no services.
    /// </summary>
    public static IEndpointRouteBuilder MapPracticeApps(this IEndpointRouteBuilder app, PracticeAppsOptions options)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var stopping = app.ServiceProvider.GetService<IHostApplicationLifetime>()?.ApplicationStopping ?? CancellationToken.None;
        app.MapGet("/", (HttpContext http) => TypedResults.Content(IndexPage(http, options), "text/html", Encoding.UTF8));
        app.MapChallenge(options);
        app.MapCrm(options, stopping);
        app.MapStaticApps(options);
        return app;
    }

    private static string IndexPage(HttpContext http, PracticeAppsOptions options)
    {
        var root = System.Net.WebUtility.HtmlEncode((http.Request.PathBase + http.Request.Path).Value!.TrimEnd('/'));
        var user = System.Net.WebUtility.HtmlEncode(options.CrmUser);
        var password = System.Net.WebUtility.HtmlEncode(options.CrmPassword);
        return $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head><meta charset="utf-8"><title>Rpa practice apps</title>
            <style>body { font: 16px/1.5 system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; }</style></head>
            <body>
              <h1>Rpa practice apps</h1>
              <ul>
                <li><a href="{{root}}/challenge/">Input-forms challenge</a>: 10 rounds of a 7-field form whose fields move after every submit.</li>
                <li><a href="{{root}}/crm/login">Practice CRM</a>: sign in as <code>{{user}}</code> / <code>{{password}}</code>, list and add customers.</li>
                <li><a href="{{root}}/canvas/">Canvas ledger</a>: an invoice form drawn only in pixels, for bots that work by OCR; <a href="{{root}}/payables/">accounts payable</a>: the form the invoice-capture bot fills.</li>
              </ul>
            </body>
            </html>

            """;
    }
}
