using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Host.Bots;

/// <summary>
/// Resolves RunBot references on disk: a path relative to the calling bot's folder (a folder or a bot.json),
/// or the name of a folder under the bots directory.
/// </summary>
public sealed class FileBotResolver(BotLoader loader, string? botsDirectory) : IBotResolver
{
    public ValueTask<CompiledBot> ResolveAsync(string reference, CompiledBot caller, CancellationToken cancellationToken)
    {
        var candidates = new List<string>();
        if (caller.Location is { } here) candidates.Add(BotFile.Resolve(reference, here));
        if (botsDirectory is not null) candidates.Add(BotFile.Resolve(reference, botsDirectory));

        var file = candidates.FirstOrDefault(File.Exists)
            ?? throw new ActivityException($"no bot '{reference}' (looked for {string.Join(" and ", candidates)})");
        var (bot, problems, name) = loader.Load(file);
        if (bot is null)
        {
            throw new ActivityException($"the bot '{name}' at {file} is not valid: {string.Join("; ", problems)}");
        }

        return ValueTask.FromResult(bot);
    }
}
