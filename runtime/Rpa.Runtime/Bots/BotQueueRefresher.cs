using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rpa.Engine.Serialization;
using Rpa.Engine.Validation;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Bots;

/// <summary>
/// On start-up, after the schema, gives every stored bot version the capability queue its activities need now
/// (<see cref="RunQueues.For"/>): a version saved by an older release, or before an activity declared what it needs,
/// would otherwise keep sending its runs to a queue whose workers may lack Chromium or Tesseract.
/// </summary>
public sealed class BotQueueRefresher(IRunStore store, BotCompiler compiler, ILogger<BotQueueRefresher> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var version in await store.ListBotVersionsAsync(cancellationToken).ConfigureAwait(false))
        {
            var read = BotJson.Read(version.Definition);
            if (!read.Success) continue;
            var queue = RunQueues.For(read.Bot!, compiler.Registry);
            if (queue == version.Queue) continue;
            await store.SetBotVersionQueueAsync(version.BotName, version.Version, queue, cancellationToken).ConfigureAwait(false);
            logger.LogInformation("Bot {Bot} version {Version}: its runs go to queue {Queue} from now on (was {Previous}), from what its activities need", version.BotName, version.Version, queue, version.Queue);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
