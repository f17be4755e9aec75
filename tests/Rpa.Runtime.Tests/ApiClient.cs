using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Rpa.Runtime.Tests;

/// <summary>Conveniences over the REST API for tests.</summary>
internal static class ApiClient
{
    public static async Task<HttpResponseMessage> PostJsonTextAsync(this HttpClient client, string url, string json) =>
        await client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonObject> ReadObjectAsync(this HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonObject>())!;

    /// <summary>Saves and publishes a bot; returns its version.</summary>
    public static async Task<int> SaveAndPublishAsync(this HttpClient client, string json)
    {
        var created = await client.PostJsonTextAsync("/api/bots", json);
        created.StatusCode.Should().Be(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.ReadObjectAsync();
        var name = body["bot"]!.GetValue<string>();
        var version = body["version"]!.GetValue<int>();
        var published = await client.PostAsync($"/api/bots/{name}/versions/{version}/publish", null);
        published.StatusCode.Should().Be(HttpStatusCode.OK);
        return version;
    }

    public static async Task<Guid> StartRunAsync(this HttpClient client, string bot, JsonObject? inputs = null)
    {
        var response = await client.PostAsJsonAsync("/api/runs", new JsonObject { ["bot"] = bot, ["inputs"] = inputs ?? new JsonObject() });
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            response.StatusCode.Should().Be(HttpStatusCode.Accepted, $"{await response.Content.ReadAsStringAsync()}\nthe host's warnings and errors:\n{RuntimeFactory.LogsOf(client)}");
        }

        return (await response.ReadObjectAsync())["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonObject> GetRunAsync(this HttpClient client, Guid runId) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/runs/{runId}"))!;

    /// <summary>Polls the run until its status is one of <paramref name="statuses"/> (default: any final one).</summary>
    public static async Task<JsonObject> WaitForRunAsync(this HttpClient client, Guid runId, params string[] statuses)
    {
        if (statuses.Length == 0) statuses = ["succeeded", "failed", "cancelled"];
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var run = await client.GetRunAsync(runId);
            if (statuses.Contains(run["status"]!.GetValue<string>())) return run;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"run {runId} is still {run["status"]} ({run.ToJsonString()})\n{RuntimeFactory.Explain(client, runId)}");
            await Task.Delay(25);
        }
    }
}
