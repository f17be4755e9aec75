using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Xunit.Abstractions;

namespace Rpa.Runtime.Tests.Queues;

/// <summary>
/// The crash test: a real `rpa serve` process (SQLite, Hangfire in memory) works 100 queue items with the queue-demo
/// sample bot, is killed with SIGKILL mid-way, and is started again on the same data folder. Every item must end
/// Successful exactly once, and every run must reach a final state.
/// </summary>
public sealed class QueueCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Items = 100;
    private const string Queue = "crash";

    private readonly string _root = RuntimeFactory.NewDataDirectory();
    private readonly StringBuilder _log = new();
    private ServeProcess? _serve;

    private string Data => Path.Combine(_root, "data");

    private string Bots => Path.Combine(_root, "bots");

    private string Receipts => Path.Combine(Bots, "queue-demo", "out", "receipts");

    [Fact]
    public async Task Killing_rpa_serve_mid_way_loses_no_item_and_completes_none_twice()
    {
        _serve = await StartAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        using (var client = _serve.CreateClient())
        {
            var items = new JsonArray(Enumerable.Range(1, Items).Select(i => (JsonNode?)new JsonObject
            {
                ["reference"] = $"C-{i:000}",
                ["payload"] = new JsonObject { ["customer"] = $"customer {i}", ["amount"] = i, ["seconds"] = 0.08 },
            }).ToArray());
            var added = await client.PostAsJsonAsync($"/api/queues/{Queue}/items", new JsonObject { ["items"] = items });
            added.StatusCode.Should().Be(HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
            clock.Restart();

            // Kill it once a quarter of the items are done: the workers are in the middle of the next ones.
            var before = await WaitForAsync(client, counts => counts["successful"] >= Items / 4, "a quarter of the items done before the kill");
            await _serve.KillAsync();
            output.WriteLine($"killed rpa serve (pid {_serve.Id}) with SIGKILL {clock.Elapsed.TotalSeconds:F1} s after adding the items, at {Describe(before)}");
            before["successful"].Should().BeLessThan(Items, "the process was killed mid-way");
        }

        await _serve.DisposeAsync();
        _serve = await StartAsync();
        clock.Restart();
        using var restarted = _serve.CreateClient();
        var after = await WaitForAsync(restarted, counts => counts["successful"] + counts["failed"] == Items, "every item final after the restart");
        output.WriteLine($"after the restart: {Describe(after)} {clock.Elapsed.TotalSeconds:F1} s after the restart");

        after["successful"].Should().Be(Items, "every item ends successful: " + Describe(after));
        var listed = (await restarted.GetFromJsonAsync<JsonArray>($"/api/queues/{Queue}/items?limit=1000"))!.Select(i => i!.AsObject()).ToList();
        listed.Should().HaveCount(Items);

        var runs = (await restarted.GetFromJsonAsync<JsonArray>("/api/runs?bot=queue-demo&limit=1000"))!.Select(r => r!.AsObject()).ToList();
        runs.Should().OnlyContain(r => IsFinal(r), "every run reaches a final state: " + string.Join(", ", runs.Where(r => !IsFinal(r)).Select(r => $"{r["id"]} {r["status"]}")));
        var killed = runs.Where(r => Status(r) == "failed").ToList();
        killed.Where(r => !r["error"]!["message"]!.GetValue<string>().Contains("the process running it stopped")).Should().BeEmpty("a run fails only because its process was killed");

        var receipts = Directory.GetFiles(Receipts).Select(Path.GetFileName).ToList();
        foreach (var item in listed)
        {
            var reference = item["reference"]!.GetValue<string>();
            var itemRuns = runs.Where(r => r["inputs"]!["item"]!["reference"]!.GetValue<string>() == reference).ToList();
            itemRuns.Count(r => Status(r) == "succeeded").Should().Be(1, "item {0} is completed exactly once (runs: {1})", reference, string.Join(", ", itemRuns.Select(Status)));
            var succeeded = itemRuns.Single(r => Status(r) == "succeeded");
            item["runId"]!.GetValue<Guid>().Should().Be(succeeded["id"]!.GetValue<Guid>(), "item {0} records the run that completed it", reference);
            item["output"]!["receipt"]!.GetValue<string>().Should().Be($"out/receipts/{reference}.attempt-{item["attempts"]}.csv");

            // The side effect of the completing attempt is there; any other receipt comes from an attempt the kill cut short.
            var written = receipts.Where(f => f!.StartsWith(reference + ".", StringComparison.Ordinal)).ToList();
            written.Should().Contain($"{reference}.attempt-{item["attempts"]}.csv");
            written.Should().HaveCount(1 + itemRuns.Count(r => Status(r) == "failed" && File.Exists(Path.Combine(Receipts, $"{reference}.attempt-{r["inputs"]!["item"]!["attempt"]}.csv"))));
        }

        output.WriteLine($"{runs.Count} runs: {runs.Count(r => Status(r) == "succeeded")} succeeded, {killed.Count} failed because the process was killed; "
            + $"{listed.Count(i => i["attempts"]!.GetValue<int>() > 1)} item(s) needed a second attempt");
    }

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(Data);
        var demo = Path.Combine(Bots, "queue-demo");
        Directory.CreateDirectory(demo);
        File.Copy(Path.Combine(RuntimeFactory.SampleBots, "queue-demo", "bot.json"), Path.Combine(demo, "bot.json"));
        File.WriteAllText(Path.Combine(Bots, "queues.json"), $$"""
            { "queues": [ { "name": "{{Queue}}", "bot": "queue-demo", "maxAttempts": 3, "leaseSeconds": 60 } ] }
            """);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_serve is not null) await _serve.DisposeAsync();
        try
        {
            Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private Task<ServeProcess> StartAsync() => ServeProcess.StartAsync(Data, Bots, _log, "--Rpa:WorkerCount=2", "--Rpa:QueueSweepInterval=00:00:00.500");

    /// <summary>Polls the queue's counts (up to 2 minutes) until <paramref name="done"/> holds.</summary>
    private async Task<Dictionary<string, int>> WaitForAsync(HttpClient client, Func<Dictionary<string, int>, bool> done, string what)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (true)
        {
            var queue = (await client.GetFromJsonAsync<JsonObject>($"/api/queues/{Queue}"))!;
            var counts = queue["counts"]!.AsObject().ToDictionary(c => c.Key, c => c.Value!.GetValue<int>());
            if (done(counts)) return counts;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"waited 2 minutes for {what}; the queue is at {Describe(counts)}\nrpa serve's output:\n{_serve!.Log}");
            await Task.Delay(50);
        }
    }

    private static string Describe(Dictionary<string, int> counts) => string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));

    private static string Status(JsonObject run) => run["status"]!.GetValue<string>();

    private static bool IsFinal(JsonObject run) => Status(run) is "succeeded" or "failed" or "cancelled";
}
