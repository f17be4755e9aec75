using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Api;

namespace Rpa.Runtime.Tests.Dispatch;

/// <summary>Runs on both stores: <see cref="RunBotJobOnSqliteTests"/> and <see cref="RunBotJobOnPostgresTests"/>.</summary>
public abstract class RunBotJobTests(ServerFixture server)
{
    [Fact]
    public async Task A_run_dispatched_twice_at_once_runs_once()
    {
        var store = server.Factory.Services.GetRequiredService<IRunStore>();
        var run = NewQueuedRun("hello");
        await store.CreateRunAsync(run, CancellationToken.None);

        // Two deliveries of the same run id at the same moment (a reconcile racing the first dispatch).
        await Task.WhenAll(ExecuteAsync(run.Id), ExecuteAsync(run.Id));

        var done = (await store.GetRunAsync(run.Id, CancellationToken.None))!;
        done.Status.Should().Be(RunState.Succeeded);
        done.Attempts.Should().Be(1);
        var logs = await store.GetLogsAsync(run.Id, CancellationToken.None);
        logs.Count(l => l.Message.Contains("started", StringComparison.Ordinal)).Should().Be(1);
        logs.Count(l => l.ActivityId == "say").Should().Be(2, "hello says it twice, once per run");

        // A third, late delivery of a finished run does nothing either.
        await ExecuteAsync(run.Id);
        var after = (await store.GetRunAsync(run.Id, CancellationToken.None))!;
        after.Attempts.Should().Be(1);
        after.EndedAt.Should().Be(done.EndedAt);
    }

    [Fact]
    public async Task A_run_cancelled_while_queued_never_starts()
    {
        var store = server.Factory.Services.GetRequiredService<IRunStore>();
        var run = NewQueuedRun("hello");
        await store.CreateRunAsync(run, CancellationToken.None);

        (await server.Client.PostAsync($"/api/runs/{run.Id}/cancel", null)).EnsureSuccessStatusCode();
        await ExecuteAsync(run.Id);

        var after = (await store.GetRunAsync(run.Id, CancellationToken.None))!;
        after.Status.Should().Be(RunState.Cancelled);
        after.Attempts.Should().Be(0);
        (await server.Client.GetFromJsonAsync<JsonArray>($"/api/runs/{run.Id}/journal"))!.Should().BeEmpty();
    }

    private async Task ExecuteAsync(Guid runId)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RunBotJob>().ExecuteAsync(runId, CancellationToken.None);
    }

    internal static RunRecord NewQueuedRun(string bot) => new()
    {
        Id = Guid.CreateVersion7(),
        BotName = bot,
        BotVersion = 1,
        Trigger = "test",
        Inputs = "{\"who\": \"Bo\", \"times\": 2}",
        Status = RunState.Queued,
        Queue = RunQueues.Default,
        CreatedAt = DateTime.UtcNow,
    };
}
