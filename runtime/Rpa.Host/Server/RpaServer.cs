using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rpa.Host.Api;
using Rpa.Host.Api.Security;
using Rpa.Host.Cli;
using Rpa.Host.PracticeApps;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Security;

namespace Rpa.Host.Server;

/// <summary>
/// The ASP.NET Core host of `rpa serve`: the REST API, OpenAPI, /health, the Hangfire server and dashboard, the
/// practice apps, the web designer at / (when built). <see cref="AddServer"/> and <see cref="UseServer"/> are also what the API tests host.
/// </summary>
public sealed class RpaServer
{
    public const string DefaultUrls = "http://127.0.0.1:5080";

    private RpaServer()
    {
    }

    /// <summary>Builds the `rpa serve` application from command-line settings, appsettings.json and environment variables.</summary>
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(RpaServer).Assembly.GetName().Name,
        });
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey])) builder.WebHost.UseUrls(DefaultUrls);
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey] is { Length: > 0 } configured ? configured : DefaultUrls;
        if (ListenAddressCheck.Problem(urls, builder.Configuration.GetValue<bool>($"{SecurityOptions.Section}:{nameof(SecurityOptions.AllowInsecureHttp)}")) is { } refused)
        {
            throw new InvalidOperationException(refused);
        }

        var maxBody = builder.Configuration.GetValue<long?>($"{SecurityOptions.Section}:{nameof(SecurityOptions.MaxRequestBodyBytes)}") ?? new SecurityOptions().MaxRequestBodyBytes;
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxBody);
        ServerLogging.Use(builder.Logging, builder.Configuration);
        AddServer(builder.Services);
        var app = builder.Build();
        UseServer(app);
        return app;
    }

    /// <summary>The services: activities, the runtime with a worker on the configured queues, OpenAPI, problem details.</summary>
    public static IServiceCollection AddServer(IServiceCollection services)
    {
        services.AddRpaHost();
        services.AddRpaRuntime(runtime => runtime.AddWorker());
        services.AddOptions<ServeOptions>().BindConfiguration(ServeOptions.Section).ValidateOnStart();
        services.AddRouting();
        services.AddProblemDetails();
        services.AddOpenApi();
        services.AddRpaAuth();
        return services;
    }

    /// <summary>The pipeline: problem details for every error, the dashboard, the endpoints.</summary>
    public static IApplicationBuilder UseServer(IApplicationBuilder app)
    {
        var serve = app.ApplicationServices.GetRequiredService<IOptions<ServeOptions>>().Value;
        // A body too large or JSON the binder cannot read is the client's fault: 413/400 problem details, not 500.
        app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = HostSecurity.ExceptionStatus });
        app.UseStatusCodePages();
        app.UseRpaAuthentication();
        if (serve.Dashboard)
        {
            // Operators and above see the dashboard read-only; Admins may act on jobs (docs/security.md).
            app.UseHangfireDashboard("/hangfire", new DashboardOptions
            {
                Authorization = [new DashboardAuthorizationFilter()],
                IsReadOnlyFunc = DashboardAuthorizationFilter.IsReadOnly,
            });
        }

        var designer = DesignerFiles.Locate(serve.Designer);
        if (designer is not null) app.UseDesignerFiles(designer);
        app.UseRouting();
        app.UseRpaAuthorization();
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapOpenApi("/openapi").AllowsAnonymous();
            endpoints.MapHealthApi();
            endpoints.MapActivitiesApi();
            endpoints.MapBotsApi();
            endpoints.MapRunsApi();
            endpoints.MapTriggersApi();
            endpoints.MapRunEventsApi();
            endpoints.MapStatsApi();
            endpoints.MapApprovalsApi();
            endpoints.MapQueuesApi();
            endpoints.MapSecurityApi();
            if (serve.PracticeApps) endpoints.MapGroup("/practice").AllowsAnonymous().MapPracticeApps(new PracticeAppsOptions());
        });
        if (designer is not null) app.UseDesignerFallback(designer);
        return app;
    }
}
