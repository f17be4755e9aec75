using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Rpa.Runtime.Runs;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Postgres;
using Xunit.Abstractions;

namespace Rpa.Runtime.Tests.Dispatch;

/// <summary>
/// A real `rpa worker` process on PostgreSQL takes runs that this (another) process queues: only Hangfire's polling
/// connects them, so the delay is the poll interval (Rpa:QueuePollInterval, 100 ms), not Hangfire's SQL default of 15 s.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class RpaWorkerProcessOnPostgresTests(PostgresCluster cluster, ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string _data = RuntimeFactory.NewDataDirectory();
    private readonly StringBuilder _log = new();
    private IHost? _queuer;
    private Process? _worker;

    [Fact]
    public async Task An_rpa_worker_process_runs_what_another_process_queues_and_stops_cleanly()
    {
        var database = await cluster.CreateDatabaseAsync("process");
        _queuer = await Queuer.StartAsync(database, Path.Combine(_data, "queuer"));
        await _queuer.PublishAsync(TestBots.Greeter("greeter"));
        var store = _queuer.Services.GetRequiredService<IRunStore>();
        var launcher = _queuer.Services.GetRequiredService<RunLauncher>();
        var hangfire = _queuer.Services.GetRequiredService<JobStorage>().GetMonitoringApi();

        _worker = StartWorker(database);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (hangfire.Servers().Count == 0)
        {
            if (_worker.HasExited || DateTime.UtcNow > deadline) throw new InvalidOperationException($"rpa worker did not start:\n{_log}");
            await Task.Delay(50);
        }

        // How fast is measured by the dispatch benchmark, not here; the delays are printed for the curious.
        var delays = new List<TimeSpan>();
        for (var i = 0; i <= 5; i++)
        {
            await Task.Delay(300); // the worker's threads are idle, waiting for their next poll
            var run = (await launcher.StartAsync(new RunRequest("greeter", new JsonObject { ["who"] = $"run {i}" }, "test"), CancellationToken.None)).Run!;
            var done = (await store.WaitForRunsAsync([run.Id], _log.ToString())).Single();
            done.Status.Should().Be(RunState.Succeeded, _log.ToString());
            done.Worker.Should().StartWith($"{Environment.MachineName}:{_worker.Id}:", "the worker process ran it");
            if (i > 0) delays.Add(done.StartedAt!.Value - run.CreatedAt);
        }

        output.WriteLine($"queued to started, across processes: {string.Join(", ", delays.Select(d => $"{d.TotalMilliseconds:F0} ms"))}");

        // SIGTERM: the worker leaves Hangfire's server list and exits 0.
        using (var kill = Process.Start("kill", ["-TERM", _worker.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await kill.WaitForExitAsync();
        }

        using var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _worker.WaitForExitAsync(stopping.Token);
        _worker.ExitCode.Should().Be(0, _log.ToString());
        hangfire.Servers().Should().BeEmpty("a stopping worker removes its Hangfire server");
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_worker is { HasExited: false })
        {
            _worker.Kill(entireProcessTree: true);
            await _worker.WaitForExitAsync();
        }

        _worker?.Dispose();
        if (_queuer is not null)
        {
            await _queuer.StopAsync();
            _queuer.Dispose();
        }

        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Process StartWorker(string database) => RpaWorkerProcess.Start(database, Path.Combine(_data, "worker"), _log);
}
