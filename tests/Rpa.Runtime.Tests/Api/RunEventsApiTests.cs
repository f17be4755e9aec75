using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rpa.Runtime.Tests.Api;

/// <summary>GET /api/runs/{id}/events: the live view's server-sent events.</summary>
public sealed class RunEventsApiTests(SqliteServerFixture server) : IClassFixture<SqliteServerFixture>
{
    private readonly HttpClient _client = server.Client;

    [Fact]
    public async Task A_live_run_streams_its_status_and_every_entry_start_and_end_then_the_final_status()
    {
        await _client.SaveAndPublishAsync(TestBots.Greeter("streamed"));
        var id = await _client.StartRunAsync("streamed", new JsonObject { ["who"] = "Ada", ["times"] = 2 });

        var events = await ReadEventsAsync(id);

        events.Last().Name.Should().Be("run", "the stream ends with the final status");
        var runs = events.Where(e => e.Name == "run").Select(e => e.Data["status"]!.GetValue<string>()).ToList();
        runs.Last().Should().Be("succeeded");
        runs.Should().OnlyHaveUniqueItems("a status is sent when it changes");
        var last = events.Last(e => e.Name == "run");
        last.Data["status"]!.GetValue<string>().Should().Be("succeeded");
        last.Data["outputs"]!["greeting"]!.GetValue<string>().Should().Be("Hello, Ada!");

        var entries = events.Where(e => e.Name == "entry").Select(e => e.Data).ToList();
        var ended = entries.Where(e => e["status"]!.GetValue<string>() != "Running").ToList();
        ended.Select(e => e["sequence"]!.GetValue<long>()).Should().OnlyHaveUniqueItems().And.HaveCount(1 + 1 + (2 * 3), "the flowchart, compose and say/count-up/again twice");
        ended.Should().OnlyContain(e => e["status"]!.GetValue<string>() == "Completed");
        entries.Where(e => e["activityId"]!.GetValue<string>() == "say").Should().NotBeEmpty();
        foreach (var end in ended)
        {
            var start = entries.FindIndex(e => e["sequence"]!.GetValue<long>() == end["sequence"]!.GetValue<long>() && e["status"]!.GetValue<string>() == "Running");
            if (start >= 0) start.Should().BeLessThan(entries.IndexOf(end), "an entry's start comes before its end");
        }
    }

    [Fact]
    public async Task A_finished_run_is_replayed_from_the_store_and_the_stream_ends()
    {
        await _client.SaveAndPublishAsync(TestBots.Greeter("replayed"));
        var id = await _client.StartRunAsync("replayed", new JsonObject { ["times"] = 1 });
        await _client.WaitForRunAsync(id);

        var events = await ReadEventsAsync(id);

        events.Where(e => e.Name == "run").Should().ContainSingle().Which.Data["status"]!.GetValue<string>().Should().Be("succeeded");
        events.Last().Name.Should().Be("run", "the entries come first: a client stops listening at the final status");
        var journal = (await _client.GetFromJsonAsync<JsonArray>($"/api/runs/{id}/journal"))!;
        events.Where(e => e.Name == "entry").Select(e => e.Data.ToJsonString())
            .Should().Equal(journal.Select(e => e!.ToJsonString()), "each stored entry is sent once, as the journal has it");
    }

    [Fact]
    public async Task Events_of_an_unknown_run_are_a_404_problem()
    {
        var response = await _client.GetAsync($"/api/runs/{Guid.NewGuid()}/events");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }

    private async Task<List<(string Name, JsonObject Data)>> ReadEventsAsync(Guid id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{id}/events");
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/event-stream");
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(timeout.Token));
        var events = new List<(string, JsonObject)>();
        string? name = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal)) name = line[7..];
            else if (line.StartsWith("data: ", StringComparison.Ordinal)) events.Add((name!, JsonNode.Parse(line[6..])!.AsObject()));
        }

        return events;
    }
}
