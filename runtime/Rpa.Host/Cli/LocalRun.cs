using Rpa.Engine.Execution;
using Rpa.Host.Bots;

namespace Rpa.Host.Cli;

/// <summary>A run of `rpa run` (or its resumption by `rpa approve`): the bot, its inputs, where its files go.</summary>
internal sealed record LocalRun(
    IServiceProvider Services,
    BotLoader Loader,
    CompiledBot Bot,
    string File,
    IReadOnlyDictionary<string, object?> Inputs,
    Guid RunId,
    string DataDirectory,
    bool AsJson,
    string? JournalFile);
