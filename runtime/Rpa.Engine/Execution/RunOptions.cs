using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Rpa.Engine.Expressions;
using Rpa.Engine.Journal;

namespace Rpa.Engine.Execution;

/// <summary>Everything a run needs besides the bot: its inputs, services, clock, logger and observers.</summary>
public sealed record RunOptions
{
    public Guid RunId { get; init; } = Guid.NewGuid();

    /// <summary>Bot inputs by name; text values are converted to the declared types.</summary>
    public IReadOnlyDictionary<string, object?> Inputs { get; init; } = new Dictionary<string, object?>();

    public IRunObserver? Observer { get; init; }

    /// <summary>False keeps no journal in memory (the observer still sees every entry): for very long runs.</summary>
    public bool KeepJournal { get; init; } = true;

    public IServiceProvider? Services { get; init; }

    public ILogger Logger { get; init; } = NullLogger.Instance;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public ExpressionOptions Expressions { get; init; } = ExpressionOptions.Default;

    public IBotResolver? BotResolver { get; init; }

    /// <summary>Where activities save files a person should see (screenshots, PDFs); default: a folder per run under the temp folder.</summary>
    public string? ArtifactsDirectory { get; init; }

    /// <summary>
    /// The folders file activities may read and write (see <see cref="FileRoots"/>); the artifacts folder is always allowed.
    /// Null: no confinement (embedding hosts and tests); `rpa run` and the runtime always set it.
    /// </summary>
    public IReadOnlyList<string>? FileRoots { get; init; }

    /// <summary>Where relative paths of a bot that has no folder (saved through the API) resolve; default: the current directory.</summary>
    public string? WorkingDirectory { get; init; }

    /// <summary>How deep RunBot may nest bots in bots.</summary>
    public int MaxBotDepth { get; init; } = 16;
}
