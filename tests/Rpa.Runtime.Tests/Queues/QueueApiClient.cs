using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Rpa.Runtime.Tests.Queues;

/// <summary>Conveniences over /api/queues for tests.</summary>
internal static class QueueApiClient
{
    public static async Task DefineQueueAsync(this HttpClient client, string name, string bot, int maxAttempts = 3, double leaseSeconds = 60)
    {
        var response = await client.PutAsJsonAsync($"/api/queues/{name}", new JsonObject { ["bot"] = bot, ["maxAttempts"] = maxAttempts, ["leaseSeconds"] = leaseSeconds });
        response.StatusCode.Should().BeOneOf([HttpStatusCode.Created, HttpStatusCode.OK], await response.Content.ReadAsStringAsync());
    }

    /// <summary>Adds one item; returns its id.</summary>
    public static async Task<Guid> AddItemAsync(this HttpClient client, string queue, string reference, JsonObject? payload = null)
    {
        var response = await client.PostAsJsonAsync($"/api/queues/{queue}/items", new JsonObject { ["reference"] = reference, ["payload"] = payload ?? new JsonObject() });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadObjectAsync())["items"]![0]!["item"]!["id"]!.GetValue<Guid>();
    }

    public static async Task<JsonObject> GetItemAsync(this HttpClient client, string queue, Guid id) =>
        (await client.GetFromJsonAsync<JsonObject>($"/api/queues/{queue}/items/{id}"))!;

    /// <summary>Polls the item until it is successful or failed (or has one of <paramref name="statuses"/>).</summary>
    public static async Task<JsonObject> WaitForItemAsync(this HttpClient client, string queue, Guid id, params string[] statuses)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var item = await client.GetItemAsync(queue, id);
            var status = item["status"]!.GetValue<string>();
            if (statuses.Length == 0 ? status is "successful" or "failed" : statuses.Contains(status)) return item;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"item {id} of queue {queue} is still {item["status"]}: {item.ToJsonString()}\n{RuntimeFactory.LogsOf(client)}");
            await Task.Delay(25);
        }
    }
}
