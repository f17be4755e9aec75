using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.InMemory;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Bots;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Queues;
using Rpa.Runtime.Runs;
using Rpa.Runtime.Security;
using Rpa.Runtime.Store;
using Rpa.Runtime.Triggers;

namespace Rpa.Runtime.Hosting;

/// <summary>
/// The runtime's entry point, after <c>services.AddRpa(...)</c> (the activities):
/// <c>services.AddRpaRuntime(runtime => runtime.AddWorker())</c>. Options come from the "Rpa" configuration section
/// and are validated at start-up.
/// </summary>
public static class RuntimeServiceCollectionExtensions
{
    public static IServiceCollection AddRpaRuntime(this IServiceCollection services, Action<RuntimeBuilder>? configure = null)
    {
        services.AddOptions<RuntimeOptions>()
            .BindConfiguration(RuntimeOptions.Section)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton<WorkerIdentity>();
        services.AddSingleton<Func<RunDbContext>>(provider => CreateContextFactory(provider.GetRequiredService<IOptions<RuntimeOptions>>().Value));
        services.AddSingleton<IRunStore>(provider => new EfRunStore(provider.GetRequiredService<Func<RunDbContext>>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<BotCache>();
        services.AddSingleton<BotCatalog>();
        services.AddSingleton<CancellationRegistry>();
        services.AddSingleton<RunEventHub>();
        services.AddSingleton<RunLauncher>();
        services.AddRpaSecurityStore();
        services.AddTransient<RunBotJob>();
        services.AddSingleton<IQueueStore>(provider => new EfQueueStore(provider.GetRequiredService<Func<RunDbContext>>(), provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<QueueLeases>();
        services.AddSingleton<QueueDispatch>();
        services.AddSingleton<QueueWaits>();
        services.AddSingleton<QueueCatalog>();
        services.AddTransient<QueueItemJob>();
        // Triggers: schedules (Hangfire recurring jobs), webhook secrets, file drops; all read the published versions.
        services.AddSingleton<TriggerCatalog>();
        services.AddSingleton<ScheduleRegistrar>();
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<FileDropWatcher>();
        services.AddTransient<ScheduleJob>();

        // Hangfire: this host's own storage instance (not the static JobStorage.Current), so hosts in one process stay apart.
        // In memory beside SQLite (one process); on PostgreSQL beside a PostgreSQL store, so several processes share the queues.
        services.AddSingleton<JobStorage>(provider => CreateJobStorage(provider.GetRequiredService<IOptions<RuntimeOptions>>().Value));
        // Likewise the job activator: Hangfire.AspNetCore's default is the static JobActivator.Current, which the host that
        // configured Hangfire last owns; registered first, this host's own wins (AddHangfire only adds what is missing).
        services.AddSingleton<JobActivator>(provider => new AspNetCoreJobActivator(provider.GetRequiredService<IServiceScopeFactory>()));
        // Hangfire's filters plus this host's own: a run whose job Hangfire gives up on fails instead of staying queued.
        services.AddSingleton<RunJobFailureFilter>();
        services.AddSingleton<IJobFilterProvider>(provider => new JobFilterProviderCollection(
            JobFilterProviders.Providers,
            new JobFilterCollection { provider.GetRequiredService<RunJobFailureFilter>() }));
        // Hangfire's log provider is static too: the router sends its logs to a live host, never to a disposed one's loggers.
        services.AddSingleton<HangfireLogLink>();
        services.AddHangfire((provider, config) =>
        {
            provider.GetRequiredService<HangfireLogLink>();
            config
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings()
                .UseLogProvider(HangfireLogRouter.Instance);
        });

        // Order matters: the schema first (and the queues of stored versions), then the bots folder, then reconcile and the schedules, then (AddWorker) the Hangfire server.
        services.AddHostedService<StoreMigrator>();
        services.AddHostedService<BotQueueRefresher>();
        services.AddHostedService<BotFolderImporter>();
        services.AddHostedService<QueuesFileImporter>();
        services.AddHostedService<RunReconciler>();
        services.AddHostedService<TriggerStartup>();
        services.AddHostedService(provider => provider.GetRequiredService<FileDropWatcher>());
        services.AddHostedService<StaleRunSweeper>();
        services.AddSingleton<PausedStateProtector>();

        configure?.Invoke(new RuntimeBuilder(services));
        return services;
    }

    internal static IServiceCollection AddHangfireWorker(this IServiceCollection services)
    {
        services.AddHostedService<QueueSweeper>();
        services.AddHangfireServer((provider, server) =>
        {
            var options = provider.GetRequiredService<IOptions<RuntimeOptions>>().Value;
            server.ServerName = provider.GetRequiredService<WorkerIdentity>().Id;
            server.Queues = options.Queues;
            server.WorkerCount = options.WorkerCount;
            server.ShutdownTimeout = options.ShutdownTimeout;
            server.SchedulePollingInterval = options.SchedulePollInterval;
            server.Activator = provider.GetRequiredService<JobActivator>();
            server.FilterProvider = provider.GetRequiredService<IJobFilterProvider>();
        });
        return services;
    }

    private static JobStorage CreateJobStorage(RuntimeOptions options) => options.Store switch
    {
        StoreProvider.Postgres => PostgresJobStorage.Create(options.ResolvedConnectionString, options.HangfireSchema, options.QueuePollInterval),
        _ => new InMemoryStorage(new InMemoryStorageOptions()),
    };

    /// <summary>
    /// Contexts come from a pool: building a context's internal services for every store call cost more CPU than the SQL
    /// (the dispatch benchmark's profile); a pooled context is reset and reused when disposed.
    /// </summary>
    private static Func<RunDbContext> CreateContextFactory(RuntimeOptions options)
    {
        var connection = options.ResolvedConnectionString;
        switch (options.Store)
        {
            case StoreProvider.Postgres:
            {
                var pool = new PooledDbContextFactory<PostgresRunDbContext>(new DbContextOptionsBuilder<PostgresRunDbContext>().UseNpgsql(connection).Options);
                return pool.CreateDbContext;
            }

            default:
            {
                Directory.CreateDirectory(options.ResolvedDataDirectory);
                var pool = new PooledDbContextFactory<SqliteRunDbContext>(new DbContextOptionsBuilder<SqliteRunDbContext>().UseSqlite(connection).AddInterceptors(new SqlitePragmas()).Options);
                return pool.CreateDbContext;
            }
        }
    }
}
