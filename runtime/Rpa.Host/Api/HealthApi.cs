using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rpa.Activities.Browser;
using Rpa.Activities.Ocr;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>GET /health: the store answers, Hangfire's storage answers (and how many servers), Chromium and Tesseract are installed. 503 when unhealthy.</summary>
public static class HealthApi
{
    public const string Healthy = "healthy";
    public const string Degraded = "degraded";
    public const string Unhealthy = "unhealthy";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", CheckAsync).AllowsAnonymous().WithTags("Health").WithSummary("Store, Hangfire, Chromium and Tesseract.");
        return app;
    }

    private static async Task<Results<Ok<HealthResponse>, JsonHttpResult<HealthResponse>>> CheckAsync(
        IRunStore store, JobStorage jobs, BrowserOptions browser, OcrEnginePool ocr, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, HealthCheck>(StringComparer.Ordinal)
        {
            ["store"] = await StoreAsync(store, cancellationToken).ConfigureAwait(false),
            ["hangfire"] = Hangfire(jobs),
            ["chromium"] = File.Exists(browser.ExecutablePath)
                ? new HealthCheck(Healthy, browser.ExecutablePath)
                : new HealthCheck(Degraded, $"{browser.ExecutablePath} is missing: browser bots cannot run (apt-get install chromium)"),
            ["tesseract"] = Tesseract(ocr),
        };
        var status = checks.Values.Any(c => c.Status == Unhealthy) ? Unhealthy
            : checks.Values.Any(c => c.Status == Degraded) ? Degraded
            : Healthy;
        var response = new HealthResponse(status, checks);
        return status == Unhealthy ? TypedResults.Json(response, statusCode: StatusCodes.Status503ServiceUnavailable) : TypedResults.Ok(response);
    }

    private static async Task<HealthCheck> StoreAsync(IRunStore store, CancellationToken cancellationToken)
    {
        try
        {
            return await store.CanConnectAsync(cancellationToken).ConfigureAwait(false)
                ? new HealthCheck(Healthy, "connected")
                : new HealthCheck(Unhealthy, "cannot connect");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new HealthCheck(Unhealthy, e.Message);
        }
    }

    /// <summary>libtesseract loads and the configured languages are installed: OCR bots (the `ocr` queue) can run.</summary>
    private static HealthCheck Tesseract(OcrEnginePool ocr)
    {
        try
        {
            ocr.CheckLanguages(ocr.Options.Languages);
            return new HealthCheck(Healthy, $"Tesseract {OcrEnginePool.TesseractVersion}, languages {ocr.Options.Languages} in {ocr.TessdataPath}");
        }
        catch (Exception e) when (e is OcrException or DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return new HealthCheck(Degraded, $"{e.Message}: OCR bots cannot run (apt-get install libtesseract5 tesseract-ocr-eng)");
        }
    }

    private static HealthCheck Hangfire(JobStorage jobs)
    {
        try
        {
            var monitoring = jobs.GetMonitoringApi();
            var servers = monitoring.Servers();
            var queues = string.Join(", ", servers.SelectMany(s => s.Queues).Distinct().Order(StringComparer.Ordinal));
            return new HealthCheck(Healthy, $"{jobs}; {servers.Count} server(s){(queues.Length > 0 ? $" on queues {queues}" : "")}; {monitoring.EnqueuedCount("default")} run(s) waiting on default");
        }
        catch (Exception e)
        {
            return new HealthCheck(Unhealthy, e.Message);
        }
    }
}
