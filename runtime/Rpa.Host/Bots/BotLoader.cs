using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Serialization;
using Rpa.Engine.Validation;

namespace Rpa.Host.Bots;

/// <summary>Reads and compiles bots from bot.json files; a compiled bot is cached per file and modification time.</summary>
public sealed class BotLoader(ActivityRegistry registry)
{
    private readonly BotCompiler _compiler = new(registry);
    private readonly Dictionary<string, (DateTime Modified, CompiledBot Bot)> _cache = new(StringComparer.Ordinal);

    public ActivityRegistry Registry => registry;

    /// <summary>Reads and validates a bot: every problem of the file and of the definition, at once.</summary>
    public (CompiledBot? Bot, IReadOnlyList<ValidationProblem> Problems, string Name) Load(string botFile)
    {
        if (!File.Exists(botFile))
        {
            return (null, [new ValidationProblem(null, null, $"no bot at {botFile} (give a bot.json file or a folder that contains one)")], Path.GetFileName(Path.GetDirectoryName(botFile)) ?? botFile);
        }

        var modified = File.GetLastWriteTimeUtc(botFile);
        lock (_cache)
        {
            if (_cache.TryGetValue(botFile, out var cached) && cached.Modified == modified) return (cached.Bot, [], cached.Bot.Name);
        }

        var read = BotJson.ReadFile(botFile);
        if (!read.Success) return (null, read.Problems, read.Bot?.Name ?? Path.GetFileName(Path.GetDirectoryName(botFile)) ?? botFile);

        var compiled = _compiler.Compile(read.Bot!, Path.GetDirectoryName(botFile));
        if (!compiled.IsValid) return (null, compiled.Problems, read.Bot!.Name);

        lock (_cache)
        {
            _cache[botFile] = (modified, compiled.Bot!);
        }

        return (compiled.Bot, [], compiled.Bot!.Name);
    }
}
