using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Rpa.Host.PracticeApps;

/// <summary>The practice apps on their own Kestrel server on 127.0.0.1 (for `rpa practice` and for tests).</summary>
public sealed class PracticeAppsServer : IAsyncDisposable
{
    private readonly WebApplication app;
    private int stopped;

    private PracticeAppsServer(WebApplication app, Uri baseAddress)
    {
        this.app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>The server's root, e.g. http://127.0.0.1:5090/ (always with the trailing slash).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The input-forms challenge's start page.</summary>
    public Uri ChallengeUrl => new(BaseAddress, "challenge/");

    /// <summary>The CRM's login page.</summary>
    public Uri CrmUrl => new(BaseAddress, "crm/login");

    /// <summary>Starts Kestrel on 127.0.0.1 and the port of <paramref name="options"/> (0: any free port).</summary>
    /// <exception cref="ArgumentException">An option cannot work (see <see cref="PracticeAppsOptions.Validate"/>).</exception>
    /// <exception cref="IOException">The port is taken.</exception>
    public static async Task<PracticeAppsServer> StartAsync(PracticeAppsOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(PracticeAppsServer).Assembly.GetName().Name,
            ContentRootPath = options.StaticRoot,
            EnvironmentName = "Production",
        });
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));
        var app = builder.Build();
        if (options.RequestLog is { } log) app.Use(LogRequests(log, options.TimeProvider));
        app.MapPracticeApps(options);

        try
        {
            await app.StartAsync(ct).ConfigureAwait(false);
        }
        catch
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        return new PracticeAppsServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    /// <summary>Stops accepting requests; requests still waiting on a delay are ended at once.</summary>
    public async Task StopAsync(CancellationToken ct = default)
    {
        if (Interlocked.Exchange(ref stopped, 1) == 1) return;
        await app.StopAsync(ct).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
    }

    private static Func<HttpContext, RequestDelegate, Task> LogRequests(TextWriter log, TimeProvider time)
    {
        var gate = new Lock();
        return async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try
            {
                await next(http).ConfigureAwait(false);
            }
            catch (Exception e) when (Write($"{http.Request.Method} {http.Request.Path} failed: {e.Message}")) // logs, never catches
            {
                throw;
            }

            var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            var aborted = http.RequestAborted.IsCancellationRequested ? " (client gone)" : "";
            Write($"{http.Request.Method} {http.Request.PathBase}{http.Request.Path}{http.Request.QueryString} → {http.Response.StatusCode} in {ms:N0} ms{aborted}");
        };

        bool Write(string line)
        {
            lock (gate) log.WriteLine($"[{time.GetLocalNow():HH:mm:ss}] {line}");
            return false;
        }
    }
}
