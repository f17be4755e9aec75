using System.Collections.Concurrent;
using Rpa.Engine.Execution;
using Rpa.Engine.Serialization;
using Rpa.Engine.Validation;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Dispatch;

/// <summary>Compiled bots per bot name and version: versions never change, so each is read and compiled once per process.</summary>
public sealed class BotCache(IRunStore store, BotCompiler compiler)
{
    private readonly ConcurrentDictionary<(string Bot, int Version), Lazy<CachedBotVersion>> _versions = new();

    /// <summary>The compiled version, or the problems that keep it from compiling; null when the store has no such version.</summary>
    public async Task<CompileResult?> GetAsync(string bot, int version, CancellationToken cancellationToken) =>
        (await GetVersionAsync(bot, version, cancellationToken).ConfigureAwait(false))?.Compiled;

    /// <summary>The stored version (its queue, its definition) with its compiled bot; null when the store has no such version.</summary>
    public async Task<CachedBotVersion?> GetVersionAsync(string bot, int version, CancellationToken cancellationToken)
    {
        if (_versions.TryGetValue((bot, version), out var cached)) return cached.Value;
        var record = await store.GetBotVersionAsync(bot, version, cancellationToken).ConfigureAwait(false);
        if (record is null) return null;
        return _versions.GetOrAdd((bot, version), _ => new Lazy<CachedBotVersion>(() => new CachedBotVersion(record, Compile(record)))).Value;
    }

    private CompileResult Compile(BotVersionRecord record)
    {
        var read = BotJson.Read(record.Definition);
        return read.Success ? compiler.Compile(read.Bot!, record.Location) : new CompileResult(null, read.Problems);
    }
}

/// <summary>A bot version as stored, and what compiling it gave.</summary>
public sealed record CachedBotVersion(BotVersionRecord Record, CompileResult Compiled);
