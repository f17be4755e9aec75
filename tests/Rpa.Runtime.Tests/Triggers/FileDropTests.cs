using Rpa.Host.Api.Security;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;
using Rpa.Runtime.Triggers;

namespace Rpa.Runtime.Tests.Triggers;

/// <summary>File drops on SQLite, with a short scan interval and no settle time so files are taken as soon as they appear.</summary>
public sealed class FileDropTests : IAsyncLifetime
{
    private readonly string _data = RuntimeFactory.NewDataDirectory();
    private readonly List<RuntimeFactory> _factories = [];

    private string Inbox => Path.Combine(_data, "inbox");

    [Fact]
    public async Task Each_dropped_file_starts_one_run_and_ends_in_done_or_in_failed_with_the_reason()
    {
        var client = Start().CreateClientAs(RpaRole.Admin);
        Directory.CreateDirectory(Inbox);
        await client.SaveAndPublishAsync(TriggerBots.FileReader("file-reader", Inbox));

        await File.WriteAllTextAsync(Path.Combine(Inbox, "good.txt"), "fine");
        await File.WriteAllTextAsync(Path.Combine(Inbox, "bad.txt"), "not fine");
        await File.WriteAllTextAsync(Path.Combine(Inbox, "other.csv"), "not matched");

        await WaitForFilesAsync(Path.Combine(Inbox, "done", "good.txt"), Path.Combine(Inbox, "failed", "bad.txt.error.txt"));
        File.Exists(Path.Combine(Inbox, "failed", "bad.txt")).Should().BeTrue();
        (await File.ReadAllTextAsync(Path.Combine(Inbox, "done", "good.txt"))).Should().Be("fine", "the file is moved, not changed");
        File.Exists(Path.Combine(Inbox, "other.csv")).Should().BeTrue("it does not match the pattern *.txt");
        Directory.EnumerateFiles(Path.Combine(Inbox, "processing")).Should().BeEmpty();

        var runs = (await client.GetFromJsonAsync<JsonArray>("/api/runs?bot=file-reader"))!;
        runs.Should().HaveCount(2);
        var good = runs.Single(r => r!["trigger"]!.GetValue<string>() == "file:" + Path.Combine(Inbox, "good.txt"))!;
        good["status"]!.GetValue<string>().Should().Be("succeeded");
        good["inputs"]!["file"]!.GetValue<string>().Should().Be(Path.Combine(Inbox, "processing", $"{good["id"]!.GetValue<Guid>():N}_good.txt"));
        var bad = runs.Single(r => r!["trigger"]!.GetValue<string>() == "file:" + Path.Combine(Inbox, "bad.txt"))!;
        bad["status"]!.GetValue<string>().Should().Be("failed");
        var reason = await File.ReadAllTextAsync(Path.Combine(Inbox, "failed", "bad.txt.error.txt"));
        reason.Should().Contain($"run {bad["id"]} failed").And.Contain("cannot use").And.Contain("bad.txt");

        var listed = (await client.GetFromJsonAsync<JsonObject>("/api/bots/file-reader/triggers"))!["triggers"]![0]!;
        listed["type"]!.GetValue<string>().Should().Be("fileDrop");
        listed["folder"]!.GetValue<string>().Should().Be(Inbox);
        listed["lastRun"]!["id"].Should().NotBeNull();
    }

    [Fact]
    public async Task Two_watchers_on_one_folder_take_each_file_once()
    {
        var first = Start();
        var client = first.CreateClientAs(RpaRole.Admin);
        Directory.CreateDirectory(Inbox);
        await client.SaveAndPublishAsync(TriggerBots.FileReader("shared-inbox", Inbox));
        var second = Start();
        second.CreateClientAs(RpaRole.Admin).Dispose(); // starts the second host: its own watcher, the same store and folder
        var names = Enumerable.Range(1, 12).Select(i => $"doc{i:00}.txt").ToList();

        // Both hosts scan every 50 ms; two more scanners race them here as well.
        var extra = new[] { first, second }.Select(f => ActivatorUtilities.CreateInstance<FileDropWatcher>(f.Services)).ToList();
        foreach (var name in names) await File.WriteAllTextAsync(Path.Combine(Inbox, name), name);
        await Task.WhenAll(extra.Select(w => w.ScanAsync(CancellationToken.None)));
        foreach (var watcher in extra) watcher.Dispose();

        await WaitForFilesAsync([.. names.Select(n => Path.Combine(Inbox, "done", n))]);
        var runs = (await client.GetFromJsonAsync<JsonArray>("/api/runs?bot=shared-inbox"))!;
        runs.Select(r => r!["trigger"]!.GetValue<string>()).Should().BeEquivalentTo(names.Select(n => "file:" + Path.Combine(Inbox, n)), "each file started exactly one run");
        Directory.EnumerateFiles(Path.Combine(Inbox, "done")).Should().HaveCount(names.Count);
    }

    [Fact]
    public async Task A_claimed_file_whose_run_was_never_created_gets_its_run_on_the_next_scan()
    {
        var factory = Start();
        var client = factory.CreateClientAs(RpaRole.Admin);
        Directory.CreateDirectory(Path.Combine(Inbox, "processing"));
        await client.SaveAndPublishAsync(TriggerBots.FileReader("restarted-inbox", Inbox));
        // What a process that died between claiming the file and creating its run leaves behind.
        var runId = Guid.CreateVersion7();
        await File.WriteAllTextAsync(Path.Combine(Inbox, "processing", $"{runId:N}_late.txt"), "late");

        await WaitForFilesAsync(Path.Combine(Inbox, "done", "late.txt"));

        var run = await factory.Services.GetRequiredService<IRunStore>().GetRunAsync(runId, CancellationToken.None);
        run!.Status.Should().Be(RunState.Succeeded);
        run.Trigger.Should().Be("file:" + Path.Combine(Inbox, "late.txt"));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var factory in _factories) await factory.DisposeAsync();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private RuntimeFactory Start()
    {
        var factory = new RuntimeFactory(_data, services: services => services.PostConfigure<RuntimeOptions>(o =>
        {
            o.FileDropScanInterval = TimeSpan.FromMilliseconds(50);
            o.FileDropSettleTime = TimeSpan.Zero;
        }));
        _factories.Add(factory);
        return factory;
    }

    private async Task WaitForFilesAsync(params string[] files)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!files.All(File.Exists))
        {
            if (DateTime.UtcNow > deadline)
            {
                var present = Directory.EnumerateFiles(Inbox, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Inbox, f));
                throw new TimeoutException($"still missing: {string.Join(", ", files.Where(f => !File.Exists(f)))}; present: {string.Join(", ", present)}\n"
                    + string.Join("\n", _factories.Select(f => f.Logs.ToString())));
            }

            await Task.Delay(25);
        }
    }
}
