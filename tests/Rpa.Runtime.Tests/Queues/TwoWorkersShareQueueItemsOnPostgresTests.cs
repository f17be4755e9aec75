using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rpa.Host.Server;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Queues;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Postgres;
using Xunit.Abstractions;

namespace Rpa.Runtime.Tests.Queues;

/// <summary>
/// Work queues in the scale-out setting: one process adds items (an API node without a worker), two `rpa worker`
/// hosts (in this process, and as real processes) take them from one PostgreSQL database. The claim is one conditional
/// update, so no item is taken twice.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoWorkersShareQueueItemsOnPostgresTests(PostgresCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const int Items = 40;
    private const string Bot = "queue-demo";

    /// <summary>What the worker hosts of this class set besides the defaults of <see cref="WorkerHosts"/>.</summary>
    private static readonly string[] WorkerSettings = ["--Rpa:JournalFlushInterval=00:00:00.050", "--Rpa:QueueSweepInterval=00:00:00.500"];

    private readonly WorkerHosts _hosts = new();
    private readonly List<System.Diagnostics.Process> _processes = [];

    [Fact]
    public async Task Two_workers_share_forty_queue_items_and_take_each_exactly_once()
    {
        var (database, queuer) = await AddItemsAsync("queues");

        var workers = new[] { _hosts.BuildWorker(database, "a", WorkerSettings), _hosts.BuildWorker(database, "b", WorkerSettings) };
        await Task.WhenAll(workers.Select(w => w.StartAsync()));

        var workerIds = workers.Select(w => w.Services.GetRequiredService<WorkerIdentity>().Id).ToList();
        await EachItemRanOnceAsync(queuer, worker => workerIds.Contains(worker), "");
    }

    [Fact]
    public async Task Two_rpa_worker_processes_share_queue_items_and_take_each_exactly_once()
    {
        var (database, queuer) = await AddItemsAsync("queue_processes");
        var log = new System.Text.StringBuilder();

        _processes.Add(RpaWorkerProcess.Start(database, Path.Combine(_hosts.DataDirectory, "process-a"), log));
        _processes.Add(RpaWorkerProcess.Start(database, Path.Combine(_hosts.DataDirectory, "process-b"), log));

        var prefixes = _processes.Select(p => $"{Environment.MachineName}:{p.Id}:").ToList();
        await EachItemRanOnceAsync(queuer, worker => prefixes.Any(worker.StartsWith), log.ToString());
    }

    /// <summary>A new database, an API-side host (no worker) with the queue-demo bot, and a queue of 40 items of 0.1 s each.</summary>
    private async Task<(string Database, IHost Queuer)> AddItemsAsync(string name)
    {
        var database = await cluster.CreateDatabaseAsync(name);
        var queuer = await Queuer.StartAsync(database, Path.Combine(_hosts.DataDirectory, name + "-queuer"));
        _hosts.Add(queuer);
        var bots = Path.Combine(_hosts.DataDirectory, name + "-bots");
        Directory.CreateDirectory(Path.Combine(bots, Bot));
        File.Copy(Path.Combine(RuntimeFactory.SampleBots, Bot, "bot.json"), Path.Combine(bots, Bot, "bot.json"));
        await queuer.PublishAsync(File.ReadAllText(Path.Combine(bots, Bot, "bot.json")));
        var catalog = queuer.Services.GetRequiredService<QueueCatalog>();
        var (errors, _) = await catalog.SaveAsync(new QueueDefinition("shared", Bot) { LeaseSeconds = 30 }, CancellationToken.None);
        errors.Should().BeEmpty();

        // Each item takes 0.1 s, so a worker with 2 slots cannot take all 40 before the other one asks.
        await catalog.AddItemsAsync(Enumerable.Range(1, Items).Select(i => new QueueItemRecord
        {
            QueueName = "shared",
            Reference = $"S-{i:00}",
            Payload = new JsonObject { ["amount"] = i, ["seconds"] = 0.1 }.ToJsonString(),
        }).ToList(), CancellationToken.None);
        return (database, queuer);
    }

    /// <summary>Waits (bounded) for every item to end, then checks: all successful, one attempt and one run each, both workers took some.</summary>
    private async Task EachItemRanOnceAsync(IHost queuer, Func<string, bool> isWorker, string log)
    {
        var queues = queuer.Services.GetRequiredService<IQueueStore>();
        var deadline = DateTime.UtcNow.AddMinutes(2);
        IReadOnlyList<QueueItemRecord> items;
        while (true)
        {
            items = await queues.ListItemsAsync(new QueueItemQuery("shared") { Limit = 1000 }, CancellationToken.None);
            if (items.All(i => i.Status is QueueItemStatus.Successful or QueueItemStatus.Failed)) break;
            if (DateTime.UtcNow > deadline) throw new TimeoutException("items still open: " + string.Join(", ", items.Where(i => i.Status is QueueItemStatus.New or QueueItemStatus.InProgress).Select(i => $"{i.Reference} {i.Status}")) + "\n" + log);
            await Task.Delay(50);
        }

        var store = queuer.Services.GetRequiredService<IRunStore>();
        var runs = await store.ListRunsAsync(new RunQuery { Bot = Bot, Limit = 1000 }, CancellationToken.None);
        output.WriteLine($"{Items} items done; " + string.Join(", ", runs.GroupBy(r => r.Worker).Select(g => $"{g.Key} ran {g.Count()}")));

        items.Should().HaveCount(Items).And.OnlyContain(i => i.Status == QueueItemStatus.Successful, "every item ends successful");
        items.Should().OnlyContain(i => i.Attempts == 1, "no item was taken twice");
        runs.Should().HaveCount(Items, "one run per item");
        runs.Should().OnlyContain(r => r.Status == RunState.Succeeded);
        runs.Select(r => JsonNode.Parse(r.Inputs)!["item"]!["reference"]!.GetValue<string>()).Should().OnlyHaveUniqueItems();
        runs.Select(r => r.Worker).Should().OnlyContain(w => w != null && isWorker(w));
        runs.GroupBy(r => r.Worker).Should().HaveCount(2, "both workers took items");
        foreach (var item in items) item.RunIds.Should().Be(item.RunId.ToString(), "item {0} had one attempt", item.Reference);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var process in _processes)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }

            process.Dispose();
        }

        await _hosts.DisposeAsync();
    }
}
