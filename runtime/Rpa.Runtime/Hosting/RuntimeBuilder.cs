using Microsoft.Extensions.DependencyInjection;

namespace Rpa.Runtime.Hosting;

/// <summary>Configures the runtime: <c>services.AddRpaRuntime(runtime => runtime.Configure(o => o.DataDirectory = "x").AddWorker())</c>.</summary>
public sealed class RuntimeBuilder(IServiceCollection services)
{
    public IServiceCollection Services { get; } = services;

    /// <summary>Changes options after configuration (section "Rpa") is bound.</summary>
    public RuntimeBuilder Configure(Action<RuntimeOptions> configure)
    {
        Services.PostConfigure(configure);
        return this;
    }

    /// <summary>The store and Hangfire's jobs on PostgreSQL: any number of processes (`rpa serve`, `rpa worker`) share the work.</summary>
    public RuntimeBuilder UsePostgres(string connectionString) => Configure(o =>
    {
        o.Store = StoreProvider.Postgres;
        o.ConnectionString = connectionString;
    });

    /// <summary>Runs a Hangfire server in this process that takes runs from the queues in <see cref="RuntimeOptions.Queues"/>.</summary>
    public RuntimeBuilder AddWorker()
    {
        Services.AddHangfireWorker();
        return this;
    }
}
