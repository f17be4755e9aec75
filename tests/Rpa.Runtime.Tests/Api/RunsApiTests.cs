using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rpa.Runtime.Tests.Api;

/// <summary>Runs on both stores: <see cref="RunsApiOnSqliteTests"/> and <see cref="RunsApiOnPostgresTests"/>.</summary>
public abstract class RunsApiTests(ServerFixture server)
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_started_run_answers_202_with_its_location_and_succeeds_with_outputs_journal_and_logs()
    {
        await _client.SaveAndPublishAsync(TestBots.Greeter("greeter"));

        var response = await _client.PostAsJsonAsync("/api/runs", new JsonObject { ["bot"] = "greeter", ["inputs"] = new JsonObject { ["who"] = "Ada", ["times"] = 3 } });

        response.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var accepted = await response.ReadObjectAsync();
        accepted["status"]!.GetValue<string>().Should().Be("queued");
        var id = accepted["id"]!.GetValue<Guid>();
        response.Headers.Location!.ToString().Should().Be($"/api/runs/{id}");

        var run = await _client.WaitForRunAsync(id);
        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        run["outputs"]!["greeting"]!.GetValue<string>().Should().Be("Hello, Ada!");
        run["attempts"]!.GetValue<int>().Should().Be(1);
        run["startedAt"].Should().NotBeNull();
        run["endedAt"].Should().NotBeNull();

        var journal = (await _client.GetFromJsonAsync<JsonArray>($"/api/runs/{id}/journal"))!;
        journal.Should().HaveCount(1 + 1 + 3 * 3, "the flowchart, compose, and say/count-up/again three times");
        journal.Select(e => e!["status"]!.GetValue<string>()).Should().AllBe("Completed");
        journal.Select(e => e!["sequence"]!.GetValue<long>()).Should().BeInAscendingOrder();

        var logs = (await _client.GetFromJsonAsync<JsonArray>($"/api/runs/{id}/logs"))!;
        logs.Where(l => l!["activityId"]?.GetValue<string>() == "say").Select(l => l!["message"]!.GetValue<string>())
            .Should().Equal("Hello, Ada! (1 of 3)", "Hello, Ada! (2 of 3)", "Hello, Ada! (3 of 3)");
    }

    [Fact]
    public async Task A_sample_bot_runs_from_its_imported_folder()
    {
        var id = await _client.StartRunAsync("sales-report", new JsonObject { ["target"] = Path.Combine(server.Factory.DataDirectory, "report.csv") });

        var run = await _client.WaitForRunAsync(id);

        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        run["outputs"]!["regions"]!.GetValue<decimal>().Should().BeGreaterThan(0);
        File.Exists(Path.Combine(server.Factory.DataDirectory, "report.csv")).Should().BeTrue();
    }

    [Fact]
    public async Task Inputs_of_the_wrong_type_or_unknown_are_a_400_problem_naming_the_input()
    {
        await _client.SaveAndPublishAsync(TestBots.Greeter("typed"));

        var response = await _client.PostAsJsonAsync("/api/runs", new JsonObject
        {
            ["bot"] = "typed",
            ["inputs"] = new JsonObject { ["times"] = "many", ["colour"] = "red" },
        });

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var problems = (await response.ReadObjectAsync())["problems"]!.AsArray();
        problems.Select(p => p!["property"]!.GetValue<string>()).Should().BeEquivalentTo(["input 'times'", "input 'colour'"]);
        var runs = (await _client.GetFromJsonAsync<JsonArray>("/api/runs?bot=typed"))!;
        runs.Should().BeEmpty("a run that cannot start is not recorded");
    }

    [Fact]
    public async Task Starting_an_unknown_bot_is_a_404_problem()
    {
        var response = await _client.PostAsJsonAsync("/api/runs", new JsonObject { ["bot"] = "nobody" });

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await response.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("nobody");
    }

    [Fact]
    public async Task Cancelling_a_long_delay_ends_the_run_cancelled()
    {
        await _client.SaveAndPublishAsync(TestBots.Waiter("waiter"));
        var id = await _client.StartRunAsync("waiter");
        await _client.WaitForRunAsync(id, "running");
        await WaitForJournalAsync(id, "pause");

        var cancel = await _client.PostAsync($"/api/runs/{id}/cancel", null);

        cancel.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await _client.WaitForRunAsync(id);
        run["status"]!.GetValue<string>().Should().Be("cancelled");
        run["cancelRequested"]!.GetValue<bool>().Should().BeTrue();
        (DateTime.Parse(run["endedAt"]!.GetValue<string>()) - DateTime.Parse(run["startedAt"]!.GetValue<string>()))
            .Should().BeLessThan(TimeSpan.FromSeconds(10));
        var journal = (await _client.GetFromJsonAsync<JsonArray>($"/api/runs/{id}/journal"))!;
        journal.Single(e => e!["activityId"]!.GetValue<string>() == "pause")!["status"]!.GetValue<string>().Should().Be("Cancelled");
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_and_filtered_by_bot_and_status()
    {
        await _client.SaveAndPublishAsync(TestBots.Greeter("listed"));
        var first = await _client.StartRunAsync("listed");
        var second = await _client.StartRunAsync("listed");
        await _client.WaitForRunAsync(first);
        await _client.WaitForRunAsync(second);

        var runs = (await _client.GetFromJsonAsync<JsonArray>("/api/runs?bot=listed&status=succeeded,failed"))!;
        runs.Select(r => r!["id"]!.GetValue<Guid>()).Should().Equal(second, first);
        (await _client.GetFromJsonAsync<JsonArray>("/api/runs?bot=listed&status=running"))!.Should().BeEmpty();
        (await _client.GetFromJsonAsync<JsonArray>($"/api/runs?bot=listed&from={DateTime.UtcNow.AddMinutes(1):O}"))!.Should().BeEmpty();
        (await _client.GetAsync("/api/runs?status=sleeping")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await _client.GetAsync("/api/runs?from=yesterday")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
    }

    private async Task WaitForJournalAsync(Guid id, string activityId)
    {
        for (var i = 0; i < 400; i++)
        {
            var journal = (await _client.GetFromJsonAsync<JsonArray>($"/api/runs/{id}/journal"))!;
            if (journal.Any(e => e!["activityId"]!.GetValue<string>() == activityId)) return;
            await Task.Delay(25);
        }

        throw new TimeoutException($"run {id} never reached {activityId}");
    }
}
