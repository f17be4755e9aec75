using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rpa.Host.Cli;
using Rpa.Runtime.Bots;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Tests.Postgres;

/// <summary>A process that queues runs and runs none (an API node without a worker): the store and Hangfire's client, no Hangfire server.</summary>
internal static class Queuer
{
    public static async Task<IHost> StartAsync(string database, string dataDirectory)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rpa:Store"] = "Postgres",
            ["Rpa:ConnectionString"] = database,
            ["Rpa:DataDirectory"] = dataDirectory,
            ["Rpa:ReconcileOnStart"] = "false",
        });
        builder.Logging.ClearProviders();
        builder.Services.AddRpaHost();
        builder.Services.AddRpaRuntime();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>Saves and publishes a bot.json.</summary>
    public static async Task PublishAsync(this IHost queuer, string json)
    {
        var saved = (await queuer.Services.GetRequiredService<BotCatalog>().SaveAsync(json, null, CancellationToken.None)).Saved!;
        (await queuer.Services.GetRequiredService<IRunStore>().PublishAsync(saved.BotName, saved.Version, CancellationToken.None)).Should().BeTrue();
    }

    /// <summary>Polls the store until every run has ended; the runs in the order of <paramref name="ids"/>.</summary>
    public static async Task<List<RunRecord>> WaitForRunsAsync(this IRunStore store, IReadOnlyCollection<Guid> ids, string? log = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var runs = new List<RunRecord>();
            foreach (var id in ids) runs.Add((await store.GetRunAsync(id, CancellationToken.None))!);
            if (runs.All(r => r.Status is RunState.Succeeded or RunState.Failed or RunState.Cancelled)) return runs;
            if (DateTime.UtcNow > deadline)
            {
                var going = runs.Where(r => r.Status is RunState.Queued or RunState.Running).Select(r => $"{r.Id} {r.Status}");
                throw new TimeoutException($"runs still going: {string.Join(", ", going)}{(log is null ? "" : "\n" + log)}");
            }

            await Task.Delay(20);
        }
    }
}
