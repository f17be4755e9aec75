using System.Diagnostics;
using System.Runtime;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rpa.Benchmarks.Running;
using Rpa.Host.Cli;
using Rpa.Runtime.Bots;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Runs;
using Rpa.Runtime.Store;

namespace Rpa.Benchmarks.Dispatch;

/// <summary>
/// Dispatch latency and throughput of the runtime: 1,000 trivial runs (one SetVariable) started back to back through
/// RunLauncher (what POST /api/runs does: write the Queued run, enqueue its id), on the embedded setting (SQLite +
/// Hangfire.InMemory, one process) and on PostgreSQL (store + Hangfire.PostgreSql), with one and two workers.
/// Latency is each run's created → started (from the store); throughput is runs / (first created → last ended).
/// </summary>
internal static class DispatchScenarios
{
    private const string Bot = """
        {
          "format": 1, "name": "trivial", "version": 1,
          "variables": [ { "name": "x", "type": "number", "value": 0 } ],
          "root": { "id": "flow", "type": "Flowchart", "activities": [ { "id": "set", "type": "SetVariable", "inputs": { "variable": "x", "value": 1 } } ] }
        }
        """;

    private sealed record Variant(string Name, string Work, bool Postgres, int Hosts, int ThreadsPerHost);

    private static readonly Variant[] Variants =
    [
        new("dispatch-inmemory-1", "SQLite + InMemory, 1 process × 1 worker thread", false, 1, 1),
        new("dispatch-inmemory-2", "SQLite + InMemory, 1 process × 2 worker threads (the default on 2 cores)", false, 1, 2),
        new("dispatch-postgres-1", "PostgreSQL, 1 process × 1 worker thread", true, 1, 1),
        new("dispatch-postgres-1x2", "PostgreSQL, 1 process × 2 worker threads (the default on 2 cores)", true, 1, 2),
        new("dispatch-postgres-2", "PostgreSQL, 2 worker processes × 1 thread", true, 2, 1),
    ];

    public static IEnumerable<Scenario> All()
    {
        yield return new Scenario
        {
            Name = "dispatch",
            Description = "1,000 trivial runs started back to back (RunLauncher: Queued run in the store, its id to Hangfire) on SQLite + Hangfire.InMemory "
                + "(1 process, 1 or 2 worker threads) and on PostgreSQL 15 (a private cluster: 1 worker host with 1 or 2 threads, or 2 worker hosts); latency p50/p95 = created → started, "
                + "throughput = runs / (first created → last ended). Rows: dispatch-inmemory-1, -inmemory-2, -postgres-1, -postgres-1x2, -postgres-2.",
            Work = "1,000 runs",
            Items = 1000,
            Unit = ("runs", "run"),
            MeasureAsync = MeasureAsync,
        };
    }

    private static async Task<IReadOnlyList<Measurement>> MeasureAsync(BenchmarkOptions options, TextWriter progress)
    {
        var runs = options.Quick ? 100 : 1000;
        var cluster = new Rpa.Runtime.Tests.Postgres.PostgresCluster();
        var setup = Stopwatch.StartNew();
        await using var stop = new CallOnDispose(cluster.DisposeAsync);
        await cluster.InitializeAsync().ConfigureAwait(false);
        setup.Stop();
        progress.WriteLine($"  started a private PostgreSQL cluster on port {cluster.Port} in {ResultTable.Time(setup.Elapsed)}");

        var results = new List<Measurement>();
        foreach (var variant in Variants)
        {
            var database = variant.Postgres ? await cluster.CreateDatabaseAsync("dispatch").ConfigureAwait(false) : null;
            results.Add(await MeasureVariantAsync(variant, database, runs, progress).ConfigureAwait(false));
        }

        results.Add(await MeasureAcrossProcessesAsync(await cluster.CreateDatabaseAsync("dispatch").ConfigureAwait(false), options.Quick ? 20 : 100, progress).ConfigureAwait(false));
        return results;
    }

    private static async Task<Measurement> MeasureVariantAsync(Variant variant, string? database, int count, TextWriter progress)
    {
        var folder = Directory.CreateTempSubdirectory("rpa-dispatch-bench-").FullName;
        var hosts = new List<IHost>();
        try
        {
            var setup = Stopwatch.StartNew();
            for (var h = 0; h < variant.Hosts; h++) hosts.Add(Build(Path.Combine(folder, $"host{h}"), database, variant.ThreadsPerHost));
            await hosts[0].StartAsync().ConfigureAwait(false);
            foreach (var host in hosts.Skip(1)) await host.StartAsync().ConfigureAwait(false);
            var services = hosts[0].Services;
            var (store, launcher) = await PublishTrivialBotAsync(services).ConfigureAwait(false);

            var warmUp = await WarmUpAsync(launcher, store, count).ConfigureAwait(false);
            setup.Stop();

            var jitted = JitInfo.GetCompiledMethodCount();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var ids = await RunBatchAsync(launcher, store, count, "measured").ConfigureAwait(false);
            clock.Stop();
            jitted = JitInfo.GetCompiledMethodCount() - jitted;
            var cpuPerRun = (Process.GetCurrentProcess().TotalProcessorTime - cpu) / count;

            var done = new List<RunRecord>(count);
            foreach (var id in ids) done.Add((await store.GetRunAsync(id, CancellationToken.None).ConfigureAwait(false))!);
            var failed = done.Count(r => r.Status != RunState.Succeeded);
            if (failed > 0) throw new InvalidOperationException($"{variant.Name}: {failed} of {count} runs did not succeed");
            var latencies = done.Select(r => r.StartedAt!.Value - r.CreatedAt).Order().ToList();
            var span = done.Max(r => r.EndedAt!.Value) - done.Min(r => r.CreatedAt);
            var p50 = Percentile(latencies, 0.50);
            var p95 = Percentile(latencies, 0.95);
            var workers = string.Join(", ", done.GroupBy(r => r.Worker).Select(g => g.Count()));

            // One run at a time on the now warm, idle worker: trigger-to-start latency without a queue in front of it.
            var single = new List<TimeSpan>();
            for (var i = 0; i < 20; i++)
            {
                var one = (await RunBatchAsync(launcher, store, 1, "one at a time").ConfigureAwait(false)).Single();
                var record = (await store.GetRunAsync(one, CancellationToken.None).ConfigureAwait(false))!;
                single.Add(record.StartedAt!.Value - record.CreatedAt);
            }

            single.Sort();
            var warm = $"one run at a time on a warm worker: p50 {ResultTable.Time(Percentile(single, 0.50))}, p95 {ResultTable.Time(Percentile(single, 0.95))}";
            progress.WriteLine($"  {variant.Name}: {warm}");
            var process = $"warm-up {warmUp} runs; while measured: {jitted} methods JIT-compiled, CPU of this process {ResultTable.Time(cpuPerRun)} per run";
            progress.WriteLine($"  {variant.Name}: {count} runs in {ResultTable.Time(span)} ({count / span.TotalSeconds:0} runs/s), latency p50 {ResultTable.Time(p50)}, p95 {ResultTable.Time(p95)}; runs per worker host: {workers}; {process}");
            var scenario = new Scenario
            {
                Name = variant.Name,
                Description = variant.Work,
                Work = $"{count:N0} runs, {variant.Work}",
                Items = count,
                Unit = ("runs", "run"),
            };
            return new Measurement(scenario, [span], 1, 0, [0, 0, 0], setup.Elapsed, $"runs per host: {workers}; created → started max {ResultTable.Time(latencies[^1])}; {warm}; {process}")
            {
                Latency = (p50, p95),
            };
        }
        finally
        {
            foreach (var host in hosts) await StopAsync(host, progress).ConfigureAwait(false);

            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Trigger-to-start latency across processes: this process queues runs one at a time (a host with no worker, as the API
    /// of `rpa serve` on another machine would) and a real, idle `rpa worker` process runs them: only PostgreSQL connects the
    /// two, so the worker finds a run at its next poll (Rpa:QueuePollInterval).
    /// </summary>
    private static async Task<Measurement> MeasureAcrossProcessesAsync(string database, int count, TextWriter progress)
    {
        var folder = Directory.CreateTempSubdirectory("rpa-dispatch-bench-").FullName;
        var log = new System.Text.StringBuilder();
        var queuer = Build(Path.Combine(folder, "queuer"), database, threads: 0);
        System.Diagnostics.Process? worker = null;
        try
        {
            var setup = Stopwatch.StartNew();
            await queuer.StartAsync().ConfigureAwait(false);
            var services = queuer.Services;
            var (store, launcher) = await PublishTrivialBotAsync(services).ConfigureAwait(false);

            worker = Rpa.Runtime.Tests.Postgres.RpaWorkerProcess.Start(database, Path.Combine(folder, "worker"), log);
            var servers = services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi();
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (servers.Servers().Count == 0)
            {
                if (worker.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException($"rpa worker did not start:\n{log}");
                await Task.Delay(50).ConfigureAwait(false);
            }

            await RunBatchAsync(launcher, store, 200, "warm-up").ConfigureAwait(false);
            setup.Stop();

            var latencies = new List<TimeSpan>();
            var gaps = new Random(26);
            var clock = Stopwatch.StartNew();
            for (var i = 0; i < count; i++)
            {
                // Longer than the worker's poll interval, so it is idle, waiting; random, so the run is queued at any point of its poll cycle.
                await Task.Delay(TimeSpan.FromMilliseconds(200 + gaps.Next(300))).ConfigureAwait(false);
                var one = (await RunBatchAsync(launcher, store, 1, "one at a time").ConfigureAwait(false)).Single();
                var record = (await store.GetRunAsync(one, CancellationToken.None).ConfigureAwait(false))!;
                if (record.Status != RunState.Succeeded) throw new InvalidOperationException($"run {one} ended {record.Status}:\n{log}");
                latencies.Add(record.StartedAt!.Value - record.CreatedAt);
            }

            clock.Stop();
            latencies.Sort();
            var (p50, p95) = (Percentile(latencies, 0.50), Percentile(latencies, 0.95));
            progress.WriteLine($"  dispatch-postgres-process: {count} runs one at a time, queued here, run by an idle rpa worker process: created → started p50 {ResultTable.Time(p50)}, p95 {ResultTable.Time(p95)}, max {ResultTable.Time(latencies[^1])}");
            var scenario = new Scenario
            {
                Name = "dispatch-postgres-process",
                Description = "PostgreSQL, runs queued one at a time by this process, run by an idle `rpa worker` process",
                Work = $"{count:N0} runs one at a time (0.2–0.5 s apart), queued here, run by an idle `rpa worker` process",
                Items = count,
                Unit = ("runs", "run"),
            };
            return new Measurement(scenario, [clock.Elapsed], 1, 0, [0, 0, 0], setup.Elapsed, $"latency only (the runs are 0.2–0.5 s apart); created → started max {ResultTable.Time(latencies[^1])}")
            {
                Latency = (p50, p95),
            };
        }
        finally
        {
            if (worker is { HasExited: false })
            {
                worker.Kill(entireProcessTree: true);
                await worker.WaitForExitAsync().ConfigureAwait(false);
            }

            worker?.Dispose();
            await StopAsync(queuer, progress).ConfigureAwait(false);
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// Runs batches until the process is warm: the bot compiled, the connection pools open and the JIT's tiering settled
    /// (a batch compiles fewer than 20 methods; tier-1 code replaces the first quick code only after a method has run a
    /// while). A service that runs for days is measured, not its first seconds. Returns how many runs it took.
    /// </summary>
    private static async Task<int> WarmUpAsync(RunLauncher launcher, IRunStore store, int batch)
    {
        var runs = 0;
        var batches = batch < 1000 ? 3 : 15;
        for (var i = 0; i < batches; i++)
        {
            var jitted = JitInfo.GetCompiledMethodCount();
            runs += (await RunBatchAsync(launcher, store, batch, "warm-up").ConfigureAwait(false)).Count;
            if (i > 0 && JitInfo.GetCompiledMethodCount() - jitted < 20) break;
        }

        return runs;
    }

    /// <summary>Starts <paramref name="count"/> runs back to back and waits (up to 5 minutes) until none is queued or running.</summary>
    private static async Task<List<Guid>> RunBatchAsync(RunLauncher launcher, IRunStore store, int count, string what)
    {
        var ids = new List<Guid>(count);
        for (var i = 0; i < count; i++)
        {
            var started = await launcher.StartAsync(new RunRequest("trivial", new JsonObject(), "benchmark"), CancellationToken.None).ConfigureAwait(false);
            ids.Add(started.Run?.Id ?? throw new InvalidOperationException($"the {what} run did not start: {started.NotFound} {string.Join("; ", started.Problems)}"));
        }

        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            var live = await store.ListRunsAsync(new RunQuery { Statuses = [RunState.Queued, RunState.Running], Limit = 10 }, CancellationToken.None).ConfigureAwait(false);
            if (live.Count == 0) return ids;
            if (DateTime.UtcNow > deadline)
            {
                var stuck = string.Join("; ", live.Select(r => $"{r.Id} {r.Status} attempts {r.Attempts} worker {r.Worker} created {r.CreatedAt:O} started {r.StartedAt:O}"));
                throw new TimeoutException($"the {what} runs did not all end within 5 minutes; still live: {stuck}");
            }

            await Task.Delay(20).ConfigureAwait(false);
        }
    }

    /// <summary>Saves and publishes the trivial bot through the host's catalog; returns the store and launcher to start its runs with.</summary>
    private static async Task<(IRunStore Store, RunLauncher Launcher)> PublishTrivialBotAsync(IServiceProvider services)
    {
        var (check, saved) = await services.GetRequiredService<BotCatalog>().SaveAsync(Bot, null, CancellationToken.None).ConfigureAwait(false);
        if (saved is null) throw new InvalidOperationException("the trivial bot is not valid: " + string.Join("; ", check.Problems));
        var store = services.GetRequiredService<IRunStore>();
        await store.PublishAsync(saved.BotName, saved.Version, CancellationToken.None).ConfigureAwait(false);
        return (store, services.GetRequiredService<RunLauncher>());
    }

    /// <summary>Stops a host; a host that does not stop in time is reported, not thrown, so it cannot hide why a measurement failed.</summary>
    private static async Task StopAsync(IHost host, TextWriter progress)
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            progress.WriteLine("  (a host did not stop within 10 s)");
        }

        host.Dispose();
    }

    /// <param name="threads">Worker threads; 0 for a host that only queues runs (no Hangfire server).</param>
    private static IHost Build(string data, string? database, int threads)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Rpa:DataDirectory"] = data,
            ["Rpa:Store"] = database is null ? "Sqlite" : "Postgres",
            ["Rpa:ConnectionString"] = database,
            ["Rpa:BotsDirectory"] = "",
            ["Rpa:WorkerCount"] = Math.Max(1, threads).ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Rpa:ReconcileOnStart"] = "false",
        });
        // Warnings and errors (a failed job, a store blip) go to stderr beside the progress, so a failed measurement says why.
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Services.AddRpaHost();
        builder.Services.AddRpaRuntime(runtime =>
        {
            if (threads > 0) runtime.AddWorker();
        });
        return builder.Build();
    }

    private static TimeSpan Percentile(List<TimeSpan> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}
