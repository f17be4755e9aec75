using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Bots;

/// <summary>
/// On start-up, imports every bots/NAME/bot.json whose text, folder or capability queue (what its activities need)
/// differs from the bot's latest version as a new version
/// and publishes it. Invalid bots are skipped with a warning that lists their problems.
/// </summary>
public sealed class BotFolderImporter(BotCatalog catalog, IRunStore store, IOptions<RuntimeOptions> options, ILogger<BotFolderImporter> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.BotsDirectory)) return;
        var folder = Path.GetFullPath(options.Value.BotsDirectory);
        if (!Directory.Exists(folder))
        {
            logger.LogWarning("Bots folder {Folder} does not exist; no bots imported", folder);
            return;
        }

        await ImportAsync(folder, cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Imports the bots under <paramref name="folder"/>; returns the names of those saved as a new version.</summary>
    public async Task<IReadOnlyList<string>> ImportAsync(string folder, CancellationToken cancellationToken)
    {
        var imported = new List<string>();
        foreach (var file in Directory.EnumerateDirectories(folder).Select(d => Path.Combine(d, "bot.json")).Where(File.Exists).Order(StringComparer.Ordinal))
        {
            var json = await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false);
            var location = Path.GetDirectoryName(file)!;
            var check = catalog.Check(json, location);
            if (!check.IsValid)
            {
                logger.LogWarning("Bot {File} is not valid and was not imported: {Problems}", file, string.Join("; ", check.Problems));
                continue;
            }

            var existing = await store.GetBotAsync(check.Bot!.Name, cancellationToken).ConfigureAwait(false);
            if (existing is not null)
            {
                var latest = await store.GetBotVersionAsync(existing.Name, existing.LatestVersion, cancellationToken).ConfigureAwait(false);
                // Same file, same place and same queue: nothing to do. A different queue means the runtime now routes the
                // bot differently (what its activities need changed), so it is saved again to carry the new queue.
                if (latest is not null && latest.Hash == BotCatalog.Hash(json) && latest.Location == location && latest.Queue == check.Queue) continue;
            }

            var (_, saved) = await catalog.SaveAsync(json, location, cancellationToken).ConfigureAwait(false);
            await store.PublishAsync(saved!.BotName, saved.Version, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Imported bot {Bot} version {Version} from {File} (published)", saved.BotName, saved.Version, file);
            imported.Add(saved.BotName);
        }

        return imported;
    }
}
