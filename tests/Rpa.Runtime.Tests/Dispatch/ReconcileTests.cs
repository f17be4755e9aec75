using Microsoft.Extensions.DependencyInjection;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Tests.Dispatch;

/// <summary>Runs on both stores: <see cref="ReconcileOnSqliteTests"/> and <see cref="ReconcileOnPostgresTests"/>.</summary>
public abstract class ReconcileTests : IDisposable
{
    private readonly string _data = RuntimeFactory.NewDataDirectory();

    [Fact]
    public async Task After_a_restart_queued_runs_and_runs_of_a_dead_worker_run_and_finished_runs_do_not()
    {
        var database = await CreateDatabaseAsync();
        var queued = RunBotJobTests.NewQueuedRun("hello");
        var orphan = RunBotJobTests.NewQueuedRun("hello");
        orphan.Status = RunState.Running;
        orphan.Worker = $"{Environment.MachineName}:{int.MaxValue - 7}:deadbeef";
        orphan.Attempts = 1;
        var finished = RunBotJobTests.NewQueuedRun("hello");
        finished.Status = RunState.Succeeded;
        finished.Attempts = 1;
        finished.EndedAt = DateTime.UtcNow;

        // The first process imports the bots and records the runs, then "dies" before Hangfire (in memory) runs them.
        await using (var first = new RuntimeFactory(_data, RuntimeFactory.SampleBots, reconcile: false, postgres: database))
        {
            var store = first.Services.GetRequiredService<IRunStore>();
            foreach (var run in new[] { queued, orphan, finished }) await store.CreateRunAsync(run, CancellationToken.None);
        }

        await using var second = new RuntimeFactory(_data, postgres: database);
        using var client = second.CreateClientAs(RpaRole.Admin);

        var ranAgain = await client.WaitForRunAsync(queued.Id);
        ranAgain["status"]!.GetValue<string>().Should().Be("succeeded");
        ranAgain["attempts"]!.GetValue<int>().Should().Be(1);
        var resumed = await client.WaitForRunAsync(orphan.Id);
        resumed["status"]!.GetValue<string>().Should().Be("succeeded");
        resumed["attempts"]!.GetValue<int>().Should().Be(2, "the dead worker's attempt counts");
        resumed["worker"]!.GetValue<string>().Should().NotBe(orphan.Worker);
        var untouched = await client.GetRunAsync(finished.Id);
        untouched["attempts"]!.GetValue<int>().Should().Be(1);
        untouched["status"]!.GetValue<string>().Should().Be("succeeded");
    }

    /// <summary>A new PostgreSQL database's connection string, or null for a SQLite file in the data folder.</summary>
    protected abstract Task<string?> CreateDatabaseAsync();

    public void Dispose()
    {
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
