using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Triggers;

/// <summary>The triggers that are active: those of each bot's published version (a bot's versions never change, so this reads the cache).</summary>
public sealed class TriggerCatalog(IRunStore store, BotCache bots)
{
    /// <summary>Every published bot's triggers, by bot name then trigger order.</summary>
    public async Task<IReadOnlyList<PublishedTrigger>> ListAsync(CancellationToken cancellationToken)
    {
        var list = new List<PublishedTrigger>();
        foreach (var bot in await store.ListBotsAsync(cancellationToken).ConfigureAwait(false))
        {
            list.AddRange(await ForBotAsync(bot, cancellationToken).ConfigureAwait(false));
        }

        return list;
    }

    /// <summary>The triggers of one bot's published version; null when there is no such bot.</summary>
    public async Task<IReadOnlyList<PublishedTrigger>?> ForBotAsync(string name, CancellationToken cancellationToken)
    {
        var bot = await store.GetBotAsync(name, cancellationToken).ConfigureAwait(false);
        return bot is null ? null : await ForBotAsync(bot, cancellationToken).ConfigureAwait(false);
    }

    private async Task<IReadOnlyList<PublishedTrigger>> ForBotAsync(BotRecord bot, CancellationToken cancellationToken)
    {
        if (bot.PublishedVersion is not { } version) return [];
        var compiled = await bots.GetAsync(bot.Name, version, cancellationToken).ConfigureAwait(false);
        if (compiled is not { IsValid: true, Bot: { } ready }) return [];
        return TriggerReader.ReadValid(ready.Definition).Triggers.Select(t => new PublishedTrigger(bot.Name, version, ready, t)).ToList();
    }
}
