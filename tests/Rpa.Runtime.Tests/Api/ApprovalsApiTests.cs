using Microsoft.Extensions.DependencyInjection;
using Rpa.Runtime.Store;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rpa.Runtime.Tests.Api;

/// <summary>Runs on both stores: <see cref="ApprovalsApiOnSqliteTests"/> and <see cref="ApprovalsApiOnPostgresTests"/>.</summary>
public abstract class ApprovalsApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_run_waits_with_a_pending_approval_and_approving_resumes_it_to_the_end()
    {
        await _client.SaveAndPublishAsync(TestBots.Approver("approve-payments"));
        var runId = await _client.StartRunAsync("approve-payments", new JsonObject { ["amount"] = 42 });

        var waiting = await _client.WaitForRunAsync(runId, "waiting");
        var approval = await PendingApprovalOfAsync(runId);
        approval["title"]!.GetValue<string>().Should().Be("Pay 42?");
        approval["bot"]!.GetValue<string>().Should().Be("approve-payments");
        approval["activityId"]!.GetValue<string>().Should().Be("ask");
        waiting["endedAt"].Should().BeNull();
        var stored = await server.Factory.Services.GetRequiredService<IRunStore>().GetRunAsync(runId, CancellationToken.None);
        stored!.PausedState.Should().StartWith("dp1:", "the paused state is encrypted at rest").And.NotContain("paid 42");

        var response = await _client.PostAsJsonAsync($"/api/approvals/{approval["id"]}/approve", new JsonObject { ["comment"] = "fine" });

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        (await response.ReadObjectAsync())["status"]!.GetValue<string>().Should().Be("approved");
        var audit = (await _client.GetFromJsonAsync<JsonArray>("/api/audit?action=approval.approved"))!;
        audit.Select(a => a!["target"]!.GetValue<string>()).Should().Contain($"approval:{approval["id"]}", "deciding is audited");
        var run = await _client.WaitForRunAsync(runId);
        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        run["outputs"]!["result"]!.GetValue<string>().Should().Be("paid 42 (fine)");
        var journal = (await _client.GetFromJsonAsync<JsonArray>($"/api/runs/{runId}/journal"))!;
        journal.Select(e => e!["sequence"]!.GetValue<long>()).Should().OnlyHaveUniqueItems().And.BeInAscendingOrder();
        journal.Where(e => e!["activityId"]!.GetValue<string>() == "ask").Select(e => e!["status"]!.GetValue<string>())
            .Should().Equal("Suspended", "Completed");
        journal.Count(e => e!["activityId"]!.GetValue<string>() == "prepare").Should().Be(1, "it ran before the wait and is replayed, not run again");
    }

    [Fact]
    public async Task Rejecting_resumes_the_run_on_its_rejected_path()
    {
        await _client.SaveAndPublishAsync(TestBots.Approver("reject-payments"));
        var runId = await _client.StartRunAsync("reject-payments", new JsonObject { ["amount"] = 7 });
        await _client.WaitForRunAsync(runId, "waiting");
        var approval = await PendingApprovalOfAsync(runId);

        var response = await _client.PostAsync($"/api/approvals/{approval["id"]}/reject", null);

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var run = await _client.WaitForRunAsync(runId);
        run["outputs"]!["result"]!.GetValue<string>().Should().Be("not paid");
    }

    [Fact]
    public async Task Deciding_twice_is_a_409_problem_saying_who_decided()
    {
        await _client.SaveAndPublishAsync(TestBots.Approver("decide-twice"));
        var runId = await _client.StartRunAsync("decide-twice");
        await _client.WaitForRunAsync(runId, "waiting");
        var approval = await PendingApprovalOfAsync(runId);
        (await _client.PostAsync($"/api/approvals/{approval["id"]}/approve", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var again = await _client.PostAsync($"/api/approvals/{approval["id"]}/reject", null);

        again.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await again.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("already approved");
        (await _client.WaitForRunAsync(runId))["outputs"]!["result"]!.GetValue<string>().Should().StartWith("paid");
    }

    [Fact]
    public async Task Cancelling_a_waiting_run_ends_it_and_cancels_its_approval()
    {
        await _client.SaveAndPublishAsync(TestBots.Approver("cancel-waiting"));
        var runId = await _client.StartRunAsync("cancel-waiting");
        await _client.WaitForRunAsync(runId, "waiting");
        var approval = await PendingApprovalOfAsync(runId);

        (await _client.PostAsync($"/api/runs/{runId}/cancel", null)).StatusCode.Should().Be(HttpStatusCode.Accepted);

        (await _client.GetRunAsync(runId))["status"]!.GetValue<string>().Should().Be("cancelled");
        var after = (await _client.GetFromJsonAsync<JsonObject>($"/api/approvals/{approval["id"]}"))!;
        after["status"]!.GetValue<string>().Should().Be("cancelled");
        (await _client.PostAsync($"/api/approvals/{approval["id"]}/approve", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Bad_requests_are_problems_that_say_what_is_wrong()
    {
        var unknown = await _client.PostAsync($"/api/approvals/{Guid.NewGuid()}/approve", null);
        var status = await _client.GetAsync("/api/approvals?status=maybe");
        var comment = await _client.PostJsonTextAsync($"/api/approvals/{Guid.NewGuid()}/approve", """{ "comment": 5 }""");
        var malformed = await _client.PostJsonTextAsync($"/api/approvals/{Guid.NewGuid()}/approve", """{ "comment": """);

        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        status.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await status.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("'maybe' is not an approval status");
        comment.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await comment.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Be("'comment' must be text.");
        malformed.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await malformed.ReadObjectAsync())["detail"]!.GetValue<string>().Should().StartWith("The body is not valid JSON");
    }

    private async Task<JsonObject> PendingApprovalOfAsync(Guid runId)
    {
        var pending = (await _client.GetFromJsonAsync<JsonArray>("/api/approvals?status=pending"))!;
        return pending.Single(a => a!["runId"]!.GetValue<Guid>() == runId)!.AsObject();
    }
}
