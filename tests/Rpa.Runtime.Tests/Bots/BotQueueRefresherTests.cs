using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Rpa.Engine.Validation;
using Rpa.Host.Cli;
using Rpa.Runtime.Bots;
using Rpa.Runtime.Store;

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

    private readonly string _folder = RuntimeFactory.NewDataDirectory();
    private EfRunStore _store = null!;

    [Fact]
    public async Task A_version_saved_with_an_outdated_queue_gets_the_queue_its_activities_need_and_others_are_left_alone()
    {
        await SaveAsync("print-only", PrintOnly, "default");
        await SaveAsync("plain", Plain, "default");
        await SaveAsync("broken", "{ not json", "default");

        await new BotQueueRefresher(_store, new BotCompiler(RpaCli.CreateRegistry()), NullLogger<BotQueueRefresher>.Instance).StartAsync(CancellationToken.None);

        (await _store.GetBotVersionAsync("print-only", 1, CancellationToken.None))!.Queue.Should().Be("browser", "ConvertHtmlToPdf needs Chromium");
        (await _store.GetBotVersionAsync("plain", 1, CancellationToken.None))!.Queue.Should().Be("default");
        (await _store.GetBotVersionAsync("broken", 1, CancellationToken.None))!.Queue.Should().Be("default", "a definition that does not read is left as it is");
        (await _store.GetBotAsync("print-only", CancellationToken.None))!.LatestVersion.Should().Be(1, "no new version: the definition did not change");
    }

    public async Task InitializeAsync()
    {
        var options = new DbContextOptionsBuilder<SqliteRunDbContext>().UseSqlite($"Data Source={Path.Combine(_folder, "rpa.db")}").Options;
        _store = new EfRunStore(() => new SqliteRunDbContext(options), TimeProvider.System);
        await _store.MigrateAsync(CancellationToken.None);
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }

    private Task<BotVersionRecord> SaveAsync(string name, string json, string queue) =>
        _store.SaveBotVersionAsync(new BotVersionRecord { BotName = name, Definition = json, Hash = BotCatalog.Hash(json), Queue = queue }, null, CancellationToken.None);
}
