using Microsoft.Extensions.Logging.Abstractions;
using Rpa.Engine.Validation;
using Rpa.Host.Cli;
using Rpa.Runtime.Bots;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Store;

namespace Rpa.Runtime.Tests.Bots;

/// <summary>At start-up every stored version gets the queue its activities need, also versions saved through the API.</summary>
public sealed class BotQueueRefresherTests : IAsyncLifetime
{
    private const string PrintOnly = """
        {"format": 1, "name": "print-only", "root": {"id": "print", "type": "ConvertHtmlToPdf", "inputs": {"html": "<p>hi</p>", "saveAs": "out.pdf"}}}
        """;

    private const string Plain = """
        {"format": 1, "name": "plain", "root": {"id": "say", "type": "Log", "inputs": {"message": "hi"}}}
        """;

    private SqliteTestStore _sqlite = null!;

    private EfRunStore Store => _sqlite.Store;

    [Fact]
    public async Task A_version_saved_with_an_outdated_queue_gets_the_queue_its_activities_need_and_others_are_left_alone()
    {
        await SaveAsync("print-only", PrintOnly, "default");
        await SaveAsync("plain", Plain, "default");
        await SaveAsync("broken", "{ not json", "default");

        await new BotQueueRefresher(Store, new BotCompiler(RpaCli.CreateRegistry()), NullLogger<BotQueueRefresher>.Instance).StartAsync(CancellationToken.None);

        (await Store.GetBotVersionAsync("print-only", 1, CancellationToken.None))!.Queue.Should().Be("browser", "ConvertHtmlToPdf needs Chromium");
        (await Store.GetBotVersionAsync("plain", 1, CancellationToken.None))!.Queue.Should().Be("default");
        (await Store.GetBotVersionAsync("broken", 1, CancellationToken.None))!.Queue.Should().Be("default", "a definition that does not read is left as it is");
        (await Store.GetBotAsync("print-only", CancellationToken.None))!.LatestVersion.Should().Be(1, "no new version: the definition did not change");
    }

    public async Task InitializeAsync() => _sqlite = await SqliteTestStore.CreateAsync();

    public Task DisposeAsync()
    {
        _sqlite.Dispose();
        return Task.CompletedTask;
    }

    private Task<BotVersionRecord> SaveAsync(string name, string json, string queue) =>
        Store.SaveBotVersionAsync(new BotVersionRecord { BotName = name, Definition = json, Hash = BotCatalog.Hash(json), Queue = queue }, null, CancellationToken.None);
}
