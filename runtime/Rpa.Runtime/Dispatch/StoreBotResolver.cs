using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// Resolves RunBot references in the runtime: the published version (else the latest) of the bot with that name.
/// A path reference ("../b", "b/bot.json") names the bot by its folder.
/// </summary>
public sealed class StoreBotResolver(IRunStore store, BotCache bots) : IBotResolver
{
    public async ValueTask<CompiledBot> ResolveAsync(string reference, CompiledBot caller, CancellationToken cancellationToken)
    {
        var name = reference.Replace('\\', '/').TrimEnd('/');
        if (name.EndsWith("/bot.json", StringComparison.Ordinal)) name = name[..^"/bot.json".Length];
        name = name[(name.LastIndexOf('/') + 1)..];

        var bot = await store.GetBotAsync(name, cancellationToken).ConfigureAwait(false)
            ?? throw new ActivityException($"no bot '{name}' in the runtime (from the reference '{reference}')");
        var version = bot.PublishedVersion ?? bot.LatestVersion;
        var compiled = await bots.GetAsync(name, version, cancellationToken).ConfigureAwait(false);
        if (compiled is not { IsValid: true })
        {
            throw new ActivityException($"the bot '{name}' version {version} is not valid: {string.Join("; ", compiled?.Problems ?? [])}");
        }

        return compiled.Bot!;
    }
}
