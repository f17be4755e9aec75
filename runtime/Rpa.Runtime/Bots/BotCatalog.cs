using System.Security.Cryptography;
using System.Text;
using Rpa.Engine.Serialization;
using Rpa.Engine.Validation;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;
using Rpa.Runtime.Triggers;

namespace Rpa.Runtime.Bots;

/// <summary>Checks bot.json text and saves it as a new version; only valid bots are saved.</summary>
public sealed class BotCatalog(IRunStore store, BotCompiler compiler)
{
    /// <summary>Reads and validates a bot.json: every problem of the JSON, of the definition and of its triggers, at once.</summary>
    public BotCheck Check(string json, string? location = null)
    {
        var read = BotJson.Read(json);
        if (!read.Success) return new BotCheck(null, read.Problems, RunQueues.Default);
        var compiled = compiler.Compile(read.Bot!, location);
        var (_, triggerProblems) = TriggerReader.Read(read.Bot!);
        return new BotCheck(read.Bot, [.. compiled.Problems, .. triggerProblems], RunQueues.For(read.Bot!, compiler.Registry));
    }

    /// <summary>Saves a valid bot.json as the bot's next version; returns the check (with problems, nothing saved) and the version saved.</summary>
    public async Task<(BotCheck Check, BotVersionRecord? Saved)> SaveAsync(string json, string? location, CancellationToken cancellationToken)
    {
        var check = Check(json, location);
        if (!check.IsValid) return (check, null);
        var saved = await store.SaveBotVersionAsync(
            new BotVersionRecord { BotName = check.Bot!.Name, Definition = json, Hash = Hash(json), Queue = check.Queue, Location = location },
            check.Bot.Description,
            cancellationToken).ConfigureAwait(false);
        return (check, saved);
    }

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
