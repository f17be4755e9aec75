using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Runtime.Queues;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Api;

namespace Rpa.Runtime.Tests.Queues;

/// <summary>Runs on both stores: <see cref="QueuesApiOnSqliteTests"/> and <see cref="QueuesApiOnPostgresTests"/>.</summary>
public abstract class QueuesApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task The_sample_queue_from_queues_json_processes_an_invoice_with_the_queue_demo_bot()
    {
        var queues = (await _client.GetFromJsonAsync<JsonArray>("/api/queues"))!;
        queues.Select(q => q!["name"]!.GetValue<string>()).Should().Contain("invoices");

        var id = await _client.AddItemAsync("invoices", $"INV-{Guid.NewGuid():N}", new JsonObject { ["customer"] = "Ada", ["amount"] = 120.5, ["seconds"] = 0 });
        var item = await _client.WaitForItemAsync("invoices", id);

        item["status"]!.GetValue<string>().Should().Be("successful", item.ToJsonString());
        item["output"]!["amount"]!.GetValue<decimal>().Should().Be(120.5m);
        item["output"]!["receipt"]!.GetValue<string>().Should().EndWith(".attempt-1.csv");
        var run = await _client.GetRunAsync(item["runId"]!.GetValue<Guid>());
        run["trigger"]!.GetValue<string>().Should().Be("queue:invoices");
        run["inputs"]!["item"]!["payload"]!["customer"]!.GetValue<string>().Should().Be("Ada");
    }

    [Fact]
    public async Task An_item_ends_successful_with_the_runs_outputs_after_one_attempt()
    {
        await DefineAsync("q-ok");

        var id = await _client.AddItemAsync("q-ok", "A-1", new JsonObject { ["n"] = 1 });
        var item = await _client.WaitForItemAsync("q-ok", id);

        item["status"]!.GetValue<string>().Should().Be("successful", item.ToJsonString());
        item["attempts"]!.GetValue<int>().Should().Be(1);
        item["output"]!["echo"]!.GetValue<string>().Should().Be("A-1:1");
        item["runs"]!.AsArray().Should().ContainSingle();
        item["error"].Should().BeNull();
        item["leaseOwner"].Should().BeNull();
        var run = await _client.GetRunAsync(item["runId"]!.GetValue<Guid>());
        run["status"]!.GetValue<string>().Should().Be("succeeded");
    }

    [Fact]
    public async Task A_business_exception_fails_the_item_without_a_retry()
    {
        await DefineAsync("q-business");

        var id = await _client.AddItemAsync("q-business", "B-1", new JsonObject { ["fail"] = "business" });
        var item = await _client.WaitForItemAsync("q-business", id);

        item["status"]!.GetValue<string>().Should().Be("failed", item.ToJsonString());
        item["attempts"]!.GetValue<int>().Should().Be(1, "a business exception is not retried");
        item["error"]!["business"]!.GetValue<bool>().Should().BeTrue();
        item["error"]!["message"]!.GetValue<string>().Should().Be("B-1 breaks a rule");
        item["error"]!["activityId"]!.GetValue<string>().Should().Be("reject");
    }

    [Fact]
    public async Task An_application_error_is_retried_with_a_new_run_and_the_item_succeeds_on_the_second_attempt()
    {
        await DefineAsync("q-flaky");

        var id = await _client.AddItemAsync("q-flaky", "F-1", new JsonObject { ["fail"] = "once" });
        var item = await _client.WaitForItemAsync("q-flaky", id);

        item["status"]!.GetValue<string>().Should().Be("successful", item.ToJsonString());
        item["attempts"]!.GetValue<int>().Should().Be(2);
        item["output"]!["echo"]!.GetValue<string>().Should().Be("F-1:2");
        var runs = item["runs"]!.AsArray().Select(r => r!.GetValue<Guid>()).ToList();
        runs.Should().HaveCount(2);
        (await _client.GetRunAsync(runs[0]))["status"]!.GetValue<string>().Should().Be("failed");
        (await _client.GetRunAsync(runs[1]))["status"]!.GetValue<string>().Should().Be("succeeded");
    }

    [Fact]
    public async Task An_item_that_keeps_failing_ends_failed_after_max_attempts_and_a_retry_runs_it_again()
    {
        await DefineAsync("q-broken", maxAttempts: 2);

        var id = await _client.AddItemAsync("q-broken", "X-1", new JsonObject { ["fail"] = "always" });
        var item = await _client.WaitForItemAsync("q-broken", id);

        item["status"]!.GetValue<string>().Should().Be("failed", item.ToJsonString());
        item["attempts"]!.GetValue<int>().Should().Be(2);
        item["runs"]!.AsArray().Should().HaveCount(2);
        item["error"]!["message"]!.GetValue<string>().Should().Be("the portal is down for X-1");
        item["error"]!["business"]!.GetValue<bool>().Should().BeFalse();

        var retry = await _client.PostAsync($"/api/queues/q-broken/items/{id}/retry", null);
        retry.StatusCode.Should().Be(HttpStatusCode.Accepted, await retry.Content.ReadAsStringAsync());
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await _client.GetItemAsync("q-broken", id))["runs"]!.AsArray().Count < 4 && DateTime.UtcNow < deadline) await Task.Delay(25);
        var again = await _client.WaitForItemAsync("q-broken", id);
        again["status"]!.GetValue<string>().Should().Be("failed");
        again["runs"]!.AsArray().Should().HaveCount(4, "the retry gave the item its attempts again");

        var notFailed = await _client.AddItemAsync("q-broken", "X-2", new JsonObject());
        await _client.WaitForItemAsync("q-broken", notFailed);
        var conflict = await _client.PostAsync($"/api/queues/q-broken/items/{notFailed}/retry", null);
        conflict.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await conflict.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("only a failed item can be retried");
    }

    [Fact]
    public async Task Adding_a_reference_the_queue_has_already_adds_nothing_and_returns_the_existing_item()
    {
        await DefineAsync("q-once");
        var first = await _client.AddItemAsync("q-once", "R-1", new JsonObject { ["v"] = 1 });

        var again = await _client.PostAsJsonAsync("/api/queues/q-once/items", new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["reference"] = "R-1", ["payload"] = new JsonObject { ["v"] = 2 } },
                new JsonObject { ["reference"] = "R-2" }),
        });

        again.StatusCode.Should().Be(HttpStatusCode.Created, "R-2 was added");
        var body = await again.ReadObjectAsync();
        body["added"]!.GetValue<int>().Should().Be(1);
        body["existing"]!.GetValue<int>().Should().Be(1);
        body["items"]![0]!["added"]!.GetValue<bool>().Should().BeFalse();
        body["items"]![0]!["item"]!["id"]!.GetValue<Guid>().Should().Be(first);
        body["items"]![0]!["item"]!["payload"]!["v"]!.GetValue<int>().Should().Be(1, "the first payload stays");

        var only = await _client.PostAsJsonAsync("/api/queues/q-once/items", new JsonObject { ["reference"] = "R-1" });
        only.StatusCode.Should().Be(HttpStatusCode.OK, "nothing was added");
        var listed = (await _client.GetFromJsonAsync<JsonArray>("/api/queues/q-once/items?reference=R-1"))!;
        listed.Should().ContainSingle();
    }

    [Fact]
    public async Task Bad_items_are_a_400_problem_naming_each_field_and_none_is_added()
    {
        await DefineAsync("q-bad");

        var response = await _client.PostAsJsonAsync("/api/queues/q-bad/items", new JsonObject
        {
            ["items"] = new JsonArray(
                new JsonObject { ["reference"] = "ok-1" },
                new JsonObject { ["reference"] = "p-1", ["payload"] = "text", ["priority"] = -1 },
                new JsonObject { ["payload"] = new JsonObject(), ["deadline"] = "tomorrow", ["colour"] = "red" }),
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo(
            "items[1].payload", "items[1].priority", "items[2].reference", "items[2].deadline", "items[2].colour");
        errors["items[1].payload"]![0]!.GetValue<string>().Should().Be("must be a JSON object");
        (await _client.GetFromJsonAsync<JsonArray>("/api/queues/q-bad/items"))!.Should().BeEmpty("nothing is added when any item is bad");

        var unknown = await _client.PostAsJsonAsync("/api/queues/no-such-queue/items", new JsonObject { ["reference"] = "a" });
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Be("There is no queue 'no-such-queue'.");

        var status = await _client.GetAsync("/api/queues/q-bad/items?status=done");
        status.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await status.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("'done' is not an item status");
    }

    [Fact]
    public async Task A_queue_definition_with_problems_is_a_400_naming_each_field()
    {
        await _client.SaveAndPublishAsync(TestBots.Greeter("no-item-input"));

        var response = await _client.PutAsJsonAsync("/api/queues/q-wrong", new JsonObject { ["bot"] = "no-item-input", ["maxAttempts"] = 0, ["leaseSeconds"] = 0.1 });
        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo("maxAttempts");

        var noItem = await _client.PutAsJsonAsync("/api/queues/q-wrong", new JsonObject { ["bot"] = "no-item-input", ["leaseSeconds"] = 0.1 });
        var noItemErrors = (await noItem.ReadObjectAsync())["errors"]!.AsObject();
        noItemErrors["bot"]![0]!.GetValue<string>().Should().Contain("has no input 'item'");
        noItemErrors["leaseSeconds"]![0]!.GetValue<string>().Should().Contain("Rpa:QueueSweepInterval");

        var missing = await _client.PutAsJsonAsync("/api/queues/q-wrong", new JsonObject { ["bot"] = "nobody" });
        (await missing.ReadObjectAsync())["errors"]!["bot"]![0]!.GetValue<string>().Should().Be("there is no bot 'nobody'");
        (await _client.GetAsync("/api/queues/q-wrong")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_item_whose_run_waits_for_an_approval_waits_too_holding_no_worker_and_ends_when_the_run_does()
    {
        await DefineApproverAsync("q-approve");

        var paid = await _client.AddItemAsync("q-approve", "P-1", new JsonObject { ["amount"] = 120.5 });
        var skipped = await _client.AddItemAsync("q-approve", "P-2", new JsonObject { ["amount"] = 99 });
        var waiting = await _client.WaitForItemAsync("q-approve", paid, "waiting");
        await _client.WaitForItemAsync("q-approve", skipped, "waiting");

        waiting["leaseOwner"].Should().BeNull("a waiting item holds no worker");
        var counts = (await _client.GetFromJsonAsync<JsonObject>("/api/queues/q-approve"))!["counts"]!;
        counts["waiting"]!.GetValue<int>().Should().Be(2);
        counts["inProgress"]!.GetValue<int>().Should().Be(0);
        var run = await _client.WaitForRunAsync(waiting["runId"]!.GetValue<Guid>(), "waiting");
        run["trigger"]!.GetValue<string>().Should().Be("queue:q-approve");

        (await _client.PostAsync($"/api/approvals/{await PendingApprovalOfAsync(paid)}/approve", null)).StatusCode.Should().Be(HttpStatusCode.OK);
        (await _client.PostAsync($"/api/approvals/{await PendingApprovalOfAsync(skipped)}/reject", null)).StatusCode.Should().Be(HttpStatusCode.OK);

        var done = await _client.WaitForItemAsync("q-approve", paid);
        done["status"]!.GetValue<string>().Should().Be("successful", done.ToJsonString());
        done["output"]!["paid"]!.GetValue<string>().Should().Be("P-1 120.5");
        done["attempts"]!.GetValue<int>().Should().Be(1);
        var notPaid = await _client.WaitForItemAsync("q-approve", skipped);
        notPaid["status"]!.GetValue<string>().Should().Be("successful", "the bot decided what a rejection means");
        notPaid["output"]!["paid"]!.GetValue<string>().Should().Be("not paid");
        (await _client.GetRunAsync(done["runId"]!.GetValue<Guid>()))["status"]!.GetValue<string>().Should().Be("succeeded");
    }

    [Fact]
    public async Task An_item_whose_waiting_run_is_cancelled_fails_with_the_reason()
    {
        await DefineApproverAsync("q-approve-cancel");
        var id = await _client.AddItemAsync("q-approve-cancel", "C-1", new JsonObject { ["amount"] = 5 });
        var waiting = await _client.WaitForItemAsync("q-approve-cancel", id, "waiting");

        var cancel = await _client.PostAsync($"/api/runs/{waiting["runId"]}/cancel", null);
        cancel.IsSuccessStatusCode.Should().BeTrue(await cancel.Content.ReadAsStringAsync());

        var item = await _client.WaitForItemAsync("q-approve-cancel", id);
        item["status"]!.GetValue<string>().Should().Be("failed", item.ToJsonString());
        item["error"]!["message"]!.GetValue<string>().Should().NotBeNullOrEmpty();
        item["attempts"]!.GetValue<int>().Should().Be(1, "a cancelled item is not retried");
    }

    [Fact]
    public async Task A_queue_lists_its_depth_by_status()
    {
        await DefineAsync("q-depth");
        var id = await _client.AddItemAsync("q-depth", "D-1");
        await _client.WaitForItemAsync("q-depth", id);

        var queue = (await _client.GetFromJsonAsync<JsonObject>("/api/queues/q-depth"))!;

        queue["bot"]!.GetValue<string>().Should().Be("item-worker");
        queue["maxAttempts"]!.GetValue<int>().Should().Be(3);
        queue["counts"]!["successful"]!.GetValue<int>().Should().Be(1);
        queue["counts"]!["new"]!.GetValue<int>().Should().Be(0);
        queue["counts"]!["inProgress"]!.GetValue<int>().Should().Be(0);
    }

    [Fact]
    public async Task An_item_whose_worker_lease_ran_out_goes_back_to_the_queue_and_its_run_fails_with_the_reason()
    {
        await DefineAsync("q-lease", leaseSeconds: 1);
        var services = server.Factory.Services;
        var queues = services.GetRequiredService<IQueueStore>();
        var store = services.GetRequiredService<IRunStore>();

        // A worker on another machine takes an item and dies: its run stays Running, its lease is never renewed.
        await queues.AddItemsAsync([new QueueItemRecord { QueueName = "q-lease", Reference = "L-1" }], CancellationToken.None);
        var runId = Guid.CreateVersion7();
        var claimed = await ClaimAsync(queues, "q-lease", "elsewhere:4242:dead", runId);
        claimed.Should().NotBeNull("the item was New (the local workers may not have taken it yet)");
        await store.CreateRunAsync(new RunRecord
        {
            Id = runId, BotName = "item-worker", BotVersion = 1, Trigger = QueueRuns.TriggerOf("q-lease"), Queue = "default",
            Status = RunState.Running, Worker = "elsewhere:4242:dead", CreatedAt = DateTime.UtcNow, StartedAt = DateTime.UtcNow, Attempts = 1,
        }, CancellationToken.None);

        var item = await _client.WaitForItemAsync("q-lease", claimed!.Id);

        item["status"]!.GetValue<string>().Should().Be("successful", "after the lease ran out a local worker took it: " + item.ToJsonString());
        item["attempts"]!.GetValue<int>().Should().Be(2);
        item["output"]!["echo"]!.GetValue<string>().Should().Be("L-1:2");
        var abandoned = await _client.GetRunAsync(runId);
        abandoned["status"]!.GetValue<string>().Should().Be("failed");
        abandoned["error"]!["message"]!.GetValue<string>().Should().Contain("lease on the item ran out").And.Contain("elsewhere:4242:dead");
    }

    private static async Task<QueueItemRecord?> ClaimAsync(IQueueStore queues, string queue, string worker, Guid runId)
    {
        // The server's own workers race for the item too; claim it before they do or give up.
        for (var i = 0; i < 100; i++)
        {
            var item = await queues.TryClaimAsync(queue, worker, runId, CancellationToken.None);
            if (item is not null) return item;
        }

        return null;
    }

    private async Task DefineApproverAsync(string queue)
    {
        if ((await _client.GetAsync("/api/bots/item-approver")).StatusCode == HttpStatusCode.NotFound)
        {
            await _client.SaveAndPublishAsync(TestBots.ItemApprover("item-approver"));
        }

        await _client.DefineQueueAsync(queue, "item-approver");
    }

    /// <summary>The id of the pending approval of the item's run.</summary>
    private async Task<string> PendingApprovalOfAsync(Guid itemId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var items = (await _client.GetFromJsonAsync<JsonArray>("/api/approvals?status=pending"))!;
            foreach (var approval in items)
            {
                var run = approval!["runId"]!.GetValue<Guid>();
                var item = await server.Factory.Services.GetRequiredService<IQueueStore>().GetItemAsync(itemId, CancellationToken.None);
                if (item?.RunId == run) return approval["id"]!.GetValue<string>();
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no pending approval for item {itemId}");
            await Task.Delay(25);
        }
    }

    private async Task DefineAsync(string queue, int maxAttempts = 3, double leaseSeconds = 60)
    {
        if ((await _client.GetAsync("/api/bots/item-worker")).StatusCode == HttpStatusCode.NotFound)
        {
            await _client.SaveAndPublishAsync(TestBots.ItemWorker("item-worker"));
        }

        await _client.DefineQueueAsync(queue, "item-worker", maxAttempts, leaseSeconds);
    }
}
