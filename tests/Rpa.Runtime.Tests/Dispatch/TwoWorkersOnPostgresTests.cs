using System.Diagnostics;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rpa.Host.Server;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Runs;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Postgres;
using Xunit.Abstractions;

namespace Rpa.Runtime.Tests.Dispatch;

/// <summary>
/// The scale-out setting: one process queues runs (an API node without a worker), two `rpa worker` hosts (each its own
/// Hangfire server, built by the same code as the command) share them through one PostgreSQL database.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoWorkersOnPostgresTests(PostgresCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private const string Bot = "shared-work";
    private const int Runs = 20;

    /// <summary>What the worker hosts of this class set besides the defaults of <see cref="WorkerHosts"/>.</summary>
    private static readonly string[] WorkerSettings = ["--Rpa:JournalFlushInterval=00:00:00.050"];

    private readonly WorkerHosts _hosts = new();

    [Fact]
    public async Task Two_workers_share_twenty_queued_runs_and_run_each_exactly_once()
    {
        var database = await cluster.CreateDatabaseAsync("workers");
        var queuer = await Queuer.StartAsync(database, Path.Combine(_hosts.DataDirectory, "queuer"));
        _hosts.Add(queuer);
        await queuer.PublishAsync(TestBots.Waiter(Bot));
        var store = queuer.Services.GetRequiredService<IRunStore>();
        var launcher = queuer.Services.GetRequiredService<RunLauncher>();

        // Each run waits 0.2 s, so a worker with 2 slots cannot take all 20 before the other one asks.
        var ids = new List<Guid>();
        for (var i = 0; i < Runs; i++)
        {
            var started = await launcher.StartAsync(new RunRequest(Bot, new JsonObject { ["seconds"] = 0.2 }, "test"), CancellationToken.None);
            ids.Add(started.Run!.Id);
        }

        var workers = new[] { _hosts.BuildWorker(database, "a", WorkerSettings), _hosts.BuildWorker(database, "b", WorkerSettings) };
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(workers.Select(w => w.StartAsync()));
        var startup = clock.Elapsed;

        var runs = await store.WaitForRunsAsync(ids);
        output.WriteLine($"two workers started in {startup.TotalMilliseconds:F0} ms; {Runs} runs done after {clock.Elapsed.TotalMilliseconds:F0} ms; "
            + string.Join(", ", runs.GroupBy(r => r.Worker).Select(g => $"{g.Key} ran {g.Count()}")));

        runs.Should().HaveCount(Runs).And.OnlyContain(r => r.Status == RunState.Succeeded, "every run ends succeeded");
        runs.Should().OnlyContain(r => r.Attempts == 1, "no run started twice");
        var workerIds = workers.Select(w => w.Services.GetRequiredService<WorkerIdentity>().Id).ToList();
        runs.Select(r => r.Worker).Should().OnlyContain(w => workerIds.Contains(w!));
        runs.GroupBy(r => r.Worker).Should().HaveCount(2, "both workers took runs: {0}", string.Join(", ", runs.GroupBy(r => r.Worker).Select(g => $"{g.Key}: {g.Count()}")));
        foreach (var run in runs)
        {
            var journal = await store.GetJournalAsync(run.Id, CancellationToken.None);
            journal.Count(e => e.ActivityId == "pause").Should().Be(1, "run {0} waited once", run.Id);
            var logs = await store.GetLogsAsync(run.Id, CancellationToken.None);
            logs.Count(l => l.Message.Contains("started", StringComparison.Ordinal)).Should().Be(1, "run {0} started once", run.Id);
        }

        var hangfire = queuer.Services.GetRequiredService<JobStorage>().GetMonitoringApi();
        hangfire.SucceededListCount().Should().Be(Runs, "each run's job ran once");
        // Hangfire names a server "<ServerName>:<pid>:<guid>"; ServerName is the worker's id.
        hangfire.Servers().Select(s => s.Name[..s.Name.LastIndexOf(':', s.Name.LastIndexOf(':') - 1)]).Should().BeEquivalentTo(workerIds);

        // Idle workers take a new run at once (a run queued by another process: RpaWorkerProcessOnPostgresTests).
        await Task.Delay(500);
        clock.Restart();
        var late = (await launcher.StartAsync(new RunRequest(Bot, new JsonObject { ["seconds"] = 0 }, "test"), CancellationToken.None)).Run!;
        var done = (await store.WaitForRunsAsync([late.Id])).Single();
        clock.Stop();
        output.WriteLine($"a run queued to idle workers started after {(done.StartedAt!.Value - late.CreatedAt).TotalMilliseconds:F0} ms, ended after {clock.Elapsed.TotalMilliseconds:F0} ms");
        done.Status.Should().Be(RunState.Succeeded);

        // Not a speed check (the dispatch benchmark measures latency): a worker polling at Hangfire's SQL default of 15 s
        // would not have started it yet, whatever the load on the machine.
        (done.StartedAt!.Value - late.CreatedAt).Should().BeLessThan(TimeSpan.FromSeconds(10), "idle workers poll every Rpa:QueuePollInterval, not every 15 s");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _hosts.DisposeAsync();
    }
}
