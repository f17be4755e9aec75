using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rpa.Runtime.Tests.Api;

/// <summary>GET /api/stats/runs: the dashboard's numbers.</summary>
public sealed class StatsApiTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task Runs_are_counted_per_day_and_status_and_per_bot_with_success_rate_durations_and_the_declared_sla()
    {
        var bot = JsonNode.Parse(TestBots.Greeter("counted"))!.AsObject();
        bot["sla"] = new JsonObject { ["maxDurationSeconds"] = 600 };
        await _client.SaveAndPublishAsync(bot.ToJsonString());
        var ok1 = await _client.StartRunAsync("counted");
        var ok2 = await _client.StartRunAsync("counted");
        await _client.WaitForRunAsync(ok1);
        await _client.WaitForRunAsync(ok2);
        await _client.SaveAndPublishAsync(Failing("counted-failing"));
        await _client.WaitForRunAsync(await _client.StartRunAsync("counted-failing"));

        var stats = (await _client.GetFromJsonAsync<JsonObject>("/api/stats/runs?days=7"))!;

        stats["days"]!.GetValue<int>().Should().Be(7);
        var perDay = stats["perDay"]!.AsArray();
        perDay.Should().HaveCount(7);
        perDay.Last()!["date"]!.GetValue<string>().Should().Be(DateTime.UtcNow.ToString("yyyy-MM-dd"));
        perDay.Last()!["statuses"]!["succeeded"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(2);
        perDay.Last()!["statuses"]!["failed"]!.GetValue<int>().Should().BeGreaterThanOrEqualTo(1);
        var counted = stats["perBot"]!.AsArray().Single(b => b!["bot"]!.GetValue<string>() == "counted")!;
        counted["runs"]!.GetValue<int>().Should().Be(2);
        counted["succeeded"]!.GetValue<int>().Should().Be(2);
        counted["successRate"]!.GetValue<double>().Should().Be(1);
        counted["averageDurationMs"]!.GetValue<double>().Should().BePositive();
        counted["slaSeconds"]!.GetValue<double>().Should().Be(600);
        counted["slaBreaches"]!.GetValue<int>().Should().Be(0);
        var failing = stats["perBot"]!.AsArray().Single(b => b!["bot"]!.GetValue<string>() == "counted-failing")!;
        failing["failed"]!.GetValue<int>().Should().Be(1);
        failing["successRate"]!.GetValue<double>().Should().Be(0);
        failing["slaSeconds"].Should().BeNull("the bot declares no SLA");
    }

    private static string Failing(string name) => $$"""
        { "format": 1, "name": "{{name}}", "root": { "id": "stop", "type": "Fail", "inputs": { "message": "on purpose" } } }
        """;

    [Fact]
    public async Task Days_out_of_range_are_a_400_problem()
    {
        var response = await _client.GetAsync("/api/stats/runs?days=0");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.ReadObjectAsync())["detail"]!.GetValue<string>().Should().Contain("'days'");
    }
}
