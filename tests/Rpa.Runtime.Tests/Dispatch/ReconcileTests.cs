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

            // The dead worker's attempt had got further through the journal than a whole run of hello goes.
            var dead = Enumerable.Range(1, 40).Select(i => new JournalRecord
            {
                RunId = orphan.Id, Sequence = i, ActivityId = $"dead-{i}", ActivityType = "Log", Path = $"dead-{i}", Status = "Completed",
                StartedAt = DateTime.UtcNow, Json = "{}",
            }).ToList();
            await store.WriteProgressAsync(new RunProgress(orphan.Id, dead, []), CancellationToken.None);
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
        var journal = await second.Services.GetRequiredService<IRunStore>().GetJournalAsync(orphan.Id, CancellationToken.None);
        journal.Should().NotBeEmpty().And.NotContain(e => e.ActivityId.StartsWith("dead-", StringComparison.Ordinal), "the journal shows the attempt that ran, not the rest of the dead one");
        journal.Select(e => e.Sequence).Should().Equal(Enumerable.Range(1, journal.Count).Select(i => (long)i));
        var untouched = await client.GetRunAsync(finished.Id);
        untouched["attempts"]!.GetValue<int>().Should().Be(1);
        untouched["status"]!.GetValue<string>().Should().Be("succeeded");
    }

    [Fact]
    public async Task A_run_of_a_worker_elsewhere_that_stopped_sending_heartbeats_runs_again_and_a_live_one_is_left_alone()
    {
        var database = await CreateDatabaseAsync();
        var orphan = RunBotJobTests.NewQueuedRun("hello");
        orphan.Status = RunState.Running;
        orphan.Worker = "another-machine:4242:0badf00d";
        orphan.Attempts = 1;
        orphan.HeartbeatAt = DateTime.UtcNow.AddHours(-1);
        var alive = RunBotJobTests.NewQueuedRun("hello");
        alive.Status = RunState.Running;
        alive.Worker = "another-machine:4243:feedbeef";
        alive.Attempts = 1;
        alive.HeartbeatAt = DateTime.UtcNow.AddHours(1);

        await using var factory = new RuntimeFactory(_data, RuntimeFactory.SampleBots, postgres: database);
        var store = factory.Services.GetRequiredService<IRunStore>();
        foreach (var run in new[] { orphan, alive }) await store.CreateRunAsync(run, CancellationToken.None);
        using var client = factory.CreateClientAs(RpaRole.Admin);

        var taken = await client.WaitForRunAsync(orphan.Id);
        taken["status"]!.GetValue<string>().Should().Be("succeeded", taken.ToJsonString());
        taken["attempts"]!.GetValue<int>().Should().Be(2);
        taken["worker"]!.GetValue<string>().Should().NotBe(orphan.Worker);
        var untouched = await client.GetRunAsync(alive.Id);
        untouched["status"]!.GetValue<string>().Should().Be("running", "its worker's lease has not expired");
        untouched["worker"]!.GetValue<string>().Should().Be(alive.Worker);
    }

    [Fact]
    public async Task A_run_that_waits_for_an_approval_resumes_after_a_restart_when_approved()
    {
        var database = await CreateDatabaseAsync();
        Guid runId;
        string approvalId;
        await using (var first = new RuntimeFactory(_data, RuntimeFactory.SampleBots, postgres: database))
        {
            using var client = first.CreateClientAs(RpaRole.Admin);
            await client.SaveAndPublishAsync(TestBots.Approver("restart-approval"));
            runId = await client.StartRunAsync("restart-approval", new System.Text.Json.Nodes.JsonObject { ["amount"] = 5 });
            await client.WaitForRunAsync(runId, "waiting");
            var pending = (await System.Net.Http.Json.HttpClientJsonExtensions.GetFromJsonAsync<System.Text.Json.Nodes.JsonArray>(client, "/api/approvals"))!;
            approvalId = pending.Single(a => a!["runId"]!.GetValue<Guid>() == runId)!["id"]!.GetValue<string>();
        }

        await using var second = new RuntimeFactory(_data, postgres: database);
        using var again = second.CreateClientAs(RpaRole.Admin);
        (await again.GetRunAsync(runId))["status"]!.GetValue<string>().Should().Be("waiting", "a restart does not touch waiting runs");

        var approved = await again.PostAsync($"/api/approvals/{approvalId}/approve", null);

        approved.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        var run = await again.WaitForRunAsync(runId);
        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        run["outputs"]!["result"]!.GetValue<string>().Should().Be("paid 5");
    }

    [Fact]
    public async Task A_queue_items_run_approved_before_a_restart_that_had_not_run_yet_resumes_after_it_and_ends_the_item()
    {
        var database = await CreateDatabaseAsync();
        Guid itemId;
        await using (var first = new RuntimeFactory(_data, RuntimeFactory.SampleBots, postgres: database))
        {
            using var client = first.CreateClientAs(RpaRole.Admin);
            await client.SaveAndPublishAsync(TestBots.ItemApprover("restart-item-approver"));
            await Queues.QueueApiClient.DefineQueueAsync(client, "restart-approvals", "restart-item-approver");
            itemId = await Queues.QueueApiClient.AddItemAsync(client, "restart-approvals", "R-1", new System.Text.Json.Nodes.JsonObject { ["amount"] = 7 });
            var item = await Queues.QueueApiClient.WaitForItemAsync(client, "restart-approvals", itemId, "waiting");

            // Approved in the store, as the API does, but the process stops before its job runs the run (Queued, to resume).
            var store = first.Services.GetRequiredService<IRunStore>();
            var approval = (await store.ListApprovalsAsync(ApprovalStatus.Pending, 100, CancellationToken.None)).Single(a => a.RunId == item["runId"]!.GetValue<Guid>());
            var answer = Rpa.Engine.Activities.HumanTasks.WaitForApproval.Answer(true, null, "tester").ToJsonString();
            await store.DecideApprovalAsync(approval.Id, true, "tester", null, answer, CancellationToken.None);
        }

        await using var second = new RuntimeFactory(_data, postgres: database);
        using var again = second.CreateClientAs(RpaRole.Admin);

        var done = await Queues.QueueApiClient.WaitForItemAsync(again, "restart-approvals", itemId);
        done["status"]!.GetValue<string>().Should().Be("successful", done.ToJsonString());
        done["output"]!["paid"]!.GetValue<string>().Should().Be("R-1 7");
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
