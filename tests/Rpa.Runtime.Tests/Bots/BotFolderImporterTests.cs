using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Rpa.Engine.Validation;
using Rpa.Host.Cli;
using Rpa.Runtime.Bots;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;
using Rpa.Runtime.Tests.Store;

namespace Rpa.Runtime.Tests.Bots;

/// <summary>The start-up import on a SQLite store with no worker.</summary>
public sealed class BotFolderImporterTests : IAsyncLifetime
{
    private const string PrintOnly = """
        {"format": 1, "name": "print-only", "root": {"id": "print", "type": "ConvertHtmlToPdf", "inputs": {"html": "<p>hi</p>", "saveAs": "out.pdf"}}}
        """;

    private SqliteTestStore _sqlite = null!;
    private EfRunStore _store = null!;
    private BotFolderImporter _importer = null!;

    [Fact]
    public async Task A_bot_saved_with_an_outdated_queue_is_saved_again_on_the_queue_its_activities_need()
    {
        var bots = Path.Combine(_sqlite.Folder, "bots");
        var location = Path.Combine(bots, "print-only");
        Directory.CreateDirectory(location);
        await File.WriteAllTextAsync(Path.Combine(location, "bot.json"), PrintOnly);
        await _store.SaveBotVersionAsync(
            new BotVersionRecord { BotName = "print-only", Definition = PrintOnly, Hash = BotCatalog.Hash(PrintOnly), Queue = "default", Location = location },
            null,
            CancellationToken.None);
        await _store.PublishAsync("print-only", 1, CancellationToken.None);

        var imported = await _importer.ImportAsync(bots, CancellationToken.None);

        imported.Should().Equal("print-only");
        var bot = (await _store.GetBotAsync("print-only", CancellationToken.None))!;
        bot.LatestVersion.Should().Be(2);
        bot.PublishedVersion.Should().Be(2);
        (await _store.GetBotVersionAsync("print-only", 2, CancellationToken.None))!.Queue.Should().Be("browser", "ConvertHtmlToPdf needs Chromium");
        (await _importer.ImportAsync(bots, CancellationToken.None)).Should().BeEmpty("the file, its folder and its queue are unchanged now");
    }

    public async Task InitializeAsync()
    {
        _sqlite = await SqliteTestStore.CreateAsync();
        _store = _sqlite.Store;
        var catalog = new BotCatalog(_store, new BotCompiler(RpaCli.CreateRegistry()));
        _importer = new BotFolderImporter(catalog, _store, Options.Create(new RuntimeOptions()), NullLogger<BotFolderImporter>.Instance);
    }

    public Task DisposeAsync()
    {
        _sqlite.Dispose();
        return Task.CompletedTask;
    }
}
