using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rpa.Host.Server;
using Rpa.Runtime.Runs;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Postgres;

namespace Rpa.Runtime.Tests.Triggers;

/// <summary>A bot's concurrency limit holds across processes: two `rpa worker` hosts with two slots each share one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class ConcurrencyOnPostgresTests(PostgresCluster cluster) : IAsyncLifetime
{
    private const string Bot = "payroll-like";

    /// <summary>What the worker hosts of this class set besides the defaults of <see cref="WorkerHosts"/>.</summary>
    private static readonly string[] WorkerSettings = ["--Rpa:ConcurrencyRetryDelay=00:00:00.500", "--Rpa:SchedulePollInterval=00:00:00.500"];

    private readonly WorkerHosts _hosts = new();

    [Fact]
    public async Task Two_workers_never_run_two_runs_of_a_bot_limited_to_one_and_every_run_succeeds()
    {
        var database = await cluster.CreateDatabaseAsync("concurrency");
        var queuer = await Queuer.StartAsync(database, Path.Combine(_hosts.DataDirectory, "queuer"));
        _hosts.Add(queuer);
        await queuer.PublishAsync(TriggerBots.LimitedWaiter(Bot, 1));
        var launcher = queuer.Services.GetRequiredService<RunLauncher>();
        var ids = new List<Guid>();
        for (var i = 0; i < 4; i++)
        {
            ids.Add((await launcher.StartAsync(new RunRequest(Bot, new JsonObject { ["seconds"] = 0.2 }, "test"), CancellationToken.None)).Run!.Id);
        }

        // Both workers start together and find four queued runs and four free slots between them.
        await Task.WhenAll(new[] { _hosts.BuildWorker(database, "a", WorkerSettings), _hosts.BuildWorker(database, "b", WorkerSettings) }.Select(w => w.StartAsync()));

        var runs = await queuer.Services.GetRequiredService<IRunStore>().WaitForRunsAsync(ids);
        runs.Should().OnlyContain(r => r.Status == RunState.Succeeded, "every run ends succeeded");
        runs.Should().OnlyContain(r => r.Attempts == 1, "a run that waited for its turn started once");
        var ordered = runs.OrderBy(r => r.StartedAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            ordered[i].StartedAt.Should().BeOnOrAfter(ordered[i - 1].EndedAt!.Value,
                "run {0} (on {1}) started only after run {2} (on {3}) ended", ordered[i].Id, ordered[i].Worker, ordered[i - 1].Id, ordered[i - 1].Worker);
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _hosts.DisposeAsync();
    }
}
