using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Api;
using Rpa.Runtime.Triggers;

namespace Rpa.Runtime.Tests.Triggers;

/// <summary>Runs on both stores: <see cref="TriggersApiOnSqliteTests"/> and <see cref="TriggersApiOnPostgresTests"/>.</summary>
public abstract class TriggersApiTests(ServerFixture server)
{
    private const string Nightly = """[ { "type": "schedule", "name": "nightly", "cron": "0 2 * * 1-5", "timeZone": "Europe/Berlin", "inputs": { "who": "night shift", "times": 1 } } ]""";

    private const string NewOrder = """[ { "type": "webhook", "name": "new-order", "inputs": { "who": "/customer/name", "times": "/count" } } ]""";

    private readonly HttpClient _client = server.Client;

    private IServiceProvider Services => server.Factory.Services;

    [Fact]
    public async Task A_published_schedule_is_a_recurring_job_in_its_time_zone_whose_firing_starts_a_run_with_trigger_schedule()
    {
        await _client.SaveAndPublishAsync(TriggerBots.Greeter("scheduled", Nightly));

        var job = RecurringJob("schedule:scheduled:nightly");
        job.Should().NotBeNull("publishing registers the schedule");
        job!.Cron.Should().Be("0 2 * * 1-5");
        job.TimeZoneId.Should().Be("Europe/Berlin");

        Services.GetRequiredService<IRecurringJobManager>().Trigger("schedule:scheduled:nightly");

        var runId = await WaitForTriggeredRunAsync("scheduled", "schedule:nightly");
        var run = await _client.WaitForRunAsync(runId);
        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        run["trigger"]!.GetValue<string>().Should().Be("schedule:nightly");
        run["outputs"]!["greeting"]!.GetValue<string>().Should().Be("Hello, night shift!");

        var triggers = (await _client.GetFromJsonAsync<JsonObject>("/api/bots/scheduled/triggers"))!;
        var nightly = triggers["triggers"]![0]!;
        nightly["type"]!.GetValue<string>().Should().Be("schedule");
        nightly["timeZone"]!.GetValue<string>().Should().Be("Europe/Berlin");
        nightly["nextFireAt"]!.GetValue<string>().Should().EndWith("+00:00", "times in the API are UTC");
        var next = nightly["nextFireAt"]!.GetValue<DateTimeOffset>();
        next.Should().BeAfter(DateTimeOffset.UtcNow);
        TimeZoneInfo.ConvertTime(next, TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin")).Hour.Should().Be(2, "it fires at 02:00 Berlin time");
        nightly["lastRun"]!["id"]!.GetValue<Guid>().Should().Be(runId);

        var all = (await _client.GetFromJsonAsync<JsonArray>("/api/triggers"))!;
        all.Should().Contain(t => t!["bot"]!.GetValue<string>() == "scheduled" && t["name"]!.GetValue<string>() == "nightly");

        // A new published version without the schedule removes its recurring job.
        await _client.SaveAndPublishAsync(TestBots.Greeter("scheduled"));
        RecurringJob("schedule:scheduled:nightly").Should().BeNull("the published version has no schedule any more");
        (await _client.GetFromJsonAsync<JsonObject>("/api/bots/scheduled/triggers"))!["triggers"]!.AsArray().Should().BeEmpty();
    }

    [Fact]
    public async Task Firing_a_schedule_now_starts_a_run_and_other_triggers_or_unknown_ones_are_problems()
    {
        await _client.SaveAndPublishAsync(TriggerBots.Greeter("fired", Nightly.Replace("]", ", " + NewOrder.Trim('[', ']', ' ') + " ]", StringComparison.Ordinal)));

        var fired = await _client.PostAsync("/api/bots/fired/triggers/nightly/fire", null);

        fired.StatusCode.Should().Be(HttpStatusCode.Accepted);
        var run = await _client.WaitForRunAsync((await fired.ReadObjectAsync())["id"]!.GetValue<Guid>());
        run["trigger"]!.GetValue<string>().Should().Be("schedule:nightly");
        run["status"]!.GetValue<string>().Should().Be("succeeded");

        var hook = await _client.PostAsync("/api/bots/fired/triggers/new-order/fire", null);
        hook.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await hook.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("is a webhook; only a schedule can be fired");
        var unknown = await _client.PostAsync("/api/bots/fired/triggers/weekly/fire", null);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Be("The published version of bot 'fired' has no trigger 'weekly'.");
        (await _client.PostAsync("/api/bots/no-such-bot/triggers/nightly/fire", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_webhook_with_its_secret_starts_a_run_with_inputs_from_the_body()
    {
        await _client.SaveAndPublishAsync(TriggerBots.Greeter("hooked", NewOrder));
        var secret = await RotateAsync("hooked", "new-order");

        var response = await PostHookAsync("hooked", "new-order", secret, """{ "customer": { "name": "Grace" }, "count": 1 }""");

        response.StatusCode.Should().Be(HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var accepted = await response.ReadObjectAsync();
        response.Headers.Location!.ToString().Should().Be($"/api/runs/{accepted["id"]}");
        var run = await _client.WaitForRunAsync(accepted["id"]!.GetValue<Guid>());
        run["status"]!.GetValue<string>().Should().Be("succeeded", run.ToJsonString());
        run["trigger"]!.GetValue<string>().Should().Be("webhook:new-order");
        run["inputs"]!["who"]!.GetValue<string>().Should().Be("Grace");
        run["outputs"]!["greeting"]!.GetValue<string>().Should().Be("Hello, Grace!");

        // Only the hash is stored.
        var stored = await Services.GetRequiredService<IRunStore>().GetWebhookSecretAsync("hooked", "new-order", CancellationToken.None);
        stored!.Hash.Should().HaveLength(64).And.NotContain(secret);
        var listed = (await _client.GetFromJsonAsync<JsonObject>("/api/bots/hooked/triggers"))!["triggers"]![0]!;
        listed["hasSecret"]!.GetValue<bool>().Should().BeTrue();
        listed["url"]!.GetValue<string>().Should().Be("/api/hooks/hooked/new-order");
        listed.ToJsonString().Should().NotContain(secret);
    }

    [Fact]
    public async Task A_webhook_answers_401_for_a_missing_or_wrong_secret_404_for_an_unknown_hook_and_400_naming_the_input_a_body_lacks()
    {
        await _client.SaveAndPublishAsync(TriggerBots.Greeter("guarded", NewOrder));
        var body = """{ "customer": { "name": "Ada" }, "count": 1 }""";

        var noSecretYet = await PostHookAsync("guarded", "new-order", "anything", body);
        noSecretYet.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var secret = await RotateAsync("guarded", "new-order");
        var missing = await PostHookAsync("guarded", "new-order", null, body);
        missing.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        var problem = await missing.ReadObjectAsync();
        problem["title"]!.GetValue<string>().Should().Be("Unauthorized");
        problem["detail"]!.GetValue<string>().Should().Contain("X-Rpa-Secret");
        (await PostHookAsync("guarded", "new-order", secret + "x", body)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        // A new secret replaces the old one.
        var rotated = await RotateAsync("guarded", "new-order");
        rotated.Should().NotBe(secret);
        (await PostHookAsync("guarded", "new-order", secret, body)).StatusCode.Should().Be(HttpStatusCode.Unauthorized);

        var unknown = await PostHookAsync("guarded", "old-order", rotated, body);
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await unknown.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Be("There is no webhook 'old-order' on the published version of bot 'guarded'.");
        (await _client.PostAsync("/api/bots/guarded/hooks/old-order/secret", null)).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var lacking = await PostHookAsync("guarded", "new-order", rotated, """{ "customer": {}, "count": 1 }""");
        lacking.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await lacking.ReadObjectAsync())["errors"]!.AsObject();
        errors["input 'who'"]![0]!.GetValue<string>().Should().Be("the body has no value at '/customer/name'");

        var wrongType = await PostHookAsync("guarded", "new-order", rotated, """{ "customer": { "name": "Ada" }, "count": "many" }""");
        wrongType.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrongType.Content.ReadAsStringAsync()).Should().Contain("times");

        var notJson = await PostHookAsync("guarded", "new-order", rotated, "{ nope");
        notJson.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await notJson.ReadObjectAsync())["detail"]!.GetValue<string>().Should().StartWith("The body is not valid JSON");

        var huge = await PostHookAsync("guarded", "new-order", rotated, $$"""{ "customer": { "name": "{{new string('x', 1024 * 1024)}}" }, "count": 1 }""");
        huge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);

        var runs = (await _client.GetFromJsonAsync<JsonArray>("/api/runs?bot=guarded"))!;
        runs.Should().BeEmpty("no refused call started a run");
    }

    [Fact]
    public async Task Three_runs_of_a_bot_limited_to_one_at_a_time_all_succeed_one_after_another()
    {
        await _client.SaveAndPublishAsync(TriggerBots.LimitedWaiter("one-at-a-time", 1));

        var ids = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => _client.StartRunAsync("one-at-a-time", new JsonObject { ["seconds"] = 0.3 })));

        var store = Services.GetRequiredService<IRunStore>();
        var runs = new List<RunRecord>();
        foreach (var id in ids)
        {
            await _client.WaitForRunAsync(id);
            runs.Add((await store.GetRunAsync(id, CancellationToken.None))!);
        }

        runs.Should().OnlyContain(r => r.Status == RunState.Succeeded);
        runs.Should().OnlyContain(r => r.Attempts == 1, "a run that waited for its turn started once");
        var ordered = runs.OrderBy(r => r.StartedAt).ToList();
        for (var i = 1; i < ordered.Count; i++)
        {
            ordered[i].StartedAt.Should().BeOnOrAfter(ordered[i - 1].EndedAt!.Value, "run {0} started only after run {1} ended", ordered[i].Id, ordered[i - 1].Id);
        }

        var triggers = (await _client.GetFromJsonAsync<JsonObject>("/api/bots/one-at-a-time/triggers"))!;
        triggers["maxConcurrency"]!.GetValue<int>().Should().Be(1);
    }

    [Fact]
    public async Task A_bot_json_with_bad_triggers_is_refused_with_every_problem_named()
    {
        var json = TriggerBots.Greeter("badly-triggered", """
            [
              { "type": "schedule", "name": "nightly", "cron": "every night", "timeZone": "Nowhere/City" },
              { "type": "webhook", "name": "nightly" }
            ]
            """);

        var response = await _client.PostJsonTextAsync("/api/bots", json);

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var errors = (await response.ReadObjectAsync())["errors"]!.AsObject();
        errors.Select(e => e.Key).Should().BeEquivalentTo("triggers[nightly].cron", "triggers[nightly].timeZone", "triggers[nightly].name");
        errors["triggers[nightly].timeZone"]![0]!.GetValue<string>().Should().StartWith("unknown time zone 'Nowhere/City'");
    }

    [Fact]
    public async Task A_run_started_from_a_ui_says_manual_and_other_trigger_names_are_refused()
    {
        await _client.SaveAndPublishAsync(TestBots.Greeter("pressed"));

        var manual = await _client.PostAsJsonAsync("/api/runs", new JsonObject { ["bot"] = "pressed", ["trigger"] = "manual" });
        var forged = await _client.PostAsJsonAsync("/api/runs", new JsonObject { ["bot"] = "pressed", ["trigger"] = "schedule:nightly" });

        manual.StatusCode.Should().Be(HttpStatusCode.Accepted);
        (await manual.ReadObjectAsync())["trigger"]!.GetValue<string>().Should().Be("manual");
        forged.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await forged.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("'trigger' is \"api\" (the default) or \"manual\"");
        var api = await _client.StartRunAsync("pressed");
        (await _client.GetRunAsync(api))["trigger"]!.GetValue<string>().Should().Be("api");
    }

    private RecurringJobDto? RecurringJob(string id)
    {
        using var connection = Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs().SingleOrDefault(j => j.Id == id);
    }

    private async Task<Guid> WaitForTriggeredRunAsync(string bot, string trigger)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var runs = (await _client.GetFromJsonAsync<JsonArray>($"/api/runs?bot={bot}&trigger={Uri.EscapeDataString(trigger)}"))!;
            if (runs.Count > 0) return runs[0]!["id"]!.GetValue<Guid>();
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"no run of {bot} with trigger {trigger}\n{server.Factory.Logs}");
            await Task.Delay(50);
        }
    }

    private async Task<string> RotateAsync(string bot, string hook)
    {
        var response = await _client.PostAsync($"/api/bots/{bot}/hooks/{hook}/secret", null);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.ReadObjectAsync();
        body["header"]!.GetValue<string>().Should().Be("X-Rpa-Secret");
        return body["secret"]!.GetValue<string>();
    }

    private async Task<HttpResponseMessage> PostHookAsync(string bot, string hook, string? secret, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/hooks/{bot}/{hook}") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (secret is not null) request.Headers.Add("X-Rpa-Secret", secret);
        return await _client.SendAsync(request);
    }
}
