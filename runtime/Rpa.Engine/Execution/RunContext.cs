using Microsoft.Extensions.Logging;
using Rpa.Engine.Activities;
using Rpa.Engine.Expressions;
using Rpa.Engine.Journal;

namespace Rpa.Engine.Execution;

/// <summary>What all activities of one run share: the bot, the journal, the clock, services, the JavaScript sandbox.</summary>
public sealed class RunContext
{
    private JavaScriptRuntime? _javaScript;

    internal RunContext(CompiledBot bot, RunOptions options, RunJournal journal, SecretMasker masker, RunResources resources, CancellationToken cancellation, int depth, string pathPrefix, long? parentSequence, ReplayLog? replay)
    {
        Replay = replay;
        Resources = resources;
        Bot = bot;
        Options = options;
        Journal = journal;
        Masker = masker;
        CancellationToken = cancellation;
        Depth = depth;
        PathPrefix = pathPrefix;
        ParentSequence = parentSequence;
    }

    public Guid RunId => Options.RunId;

    public CompiledBot Bot { get; }

    public RunOptions Options { get; }

    public RunJournal Journal { get; }

    public SecretMasker Masker { get; }

    /// <summary>What the run opened and the runner closes when it ends (browser contexts, connections).</summary>
    public RunResources Resources { get; }

    /// <summary>The folder for this run's artifacts (screenshots, PDFs); created when first used.</summary>
    public string ArtifactsDirectory => Options.ArtifactsDirectory ?? Path.Combine(Path.GetTempPath(), "rpa-artifacts", RunId.ToString("N"));

    public CancellationToken CancellationToken { get; }

    public TimeProvider Time => Options.Time;

    public ILogger Logger => Options.Logger;

    public IServiceProvider? Services => Options.Services;

    /// <summary>0 for the bot that was started, 1 for a bot it runs with RunBot, and so on.</summary>
    public int Depth { get; }

    internal string PathPrefix { get; }

    /// <summary>The replay records of a run that may pause; null for bots that cannot.</summary>
    internal ReplayLog? Replay { get; }

    internal long? ParentSequence { get; }

    internal JavaScriptRuntime JavaScript
    {
        get
        {
            if (_javaScript is not null) return _javaScript;
            lock (Journal)
            {
                return _javaScript ??= new JavaScriptRuntime(Options.Expressions, CancellationToken);
            }
        }
    }

    /// <summary>Runs one activity: journal entry, context, error wrapping, cancellation.</summary>
    internal async ValueTask<string> ExecuteAsync(Activity activity, long? parentSequence, VariableScope scope, int? iteration, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var path = PathPrefix.Length == 0 ? activity.NodePath : PathPrefix + activity.NodePath;
        string? replayKey = null;
        if (Replay is not null && activity.IsLeaf)
        {
            replayKey = Replay.NextKey(path);
            if (Replay.TryReplay(replayKey, out var record)) return ApplyReplay(record, scope);
            if (Replay.IsResumePending(out var waitingAt) && !string.Equals(waitingAt, replayKey, StringComparison.Ordinal))
            {
                throw new ActivityFaultException(new ActivityError(activity.Id, activity.TypeName, path,
                    $"the resumed run went a different way than before it paused: it reached '{activity.Id}' ({replayKey}) before the activity it waited at ({waitingAt}); a bot's flow before a wait must not depend on the time, random values or a changed bot version"));
            }
        }

        var entry = Journal.Start(parentSequence, activity.Id, activity.TypeName, path, iteration, Time.GetUtcNow());
        var context = new ActivityContext(this, activity, entry, scope, cancellation) { ReplayKey = replayKey };
        try
        {
            await activity.ExecuteAsync(context).ConfigureAwait(false);
            entry.Outcome = context.Outcome;
            Journal.End(entry, ActivityStatus.Completed, Time.GetUtcNow());
            if (replayKey is not null) Replay!.Complete(new ReplayRecord(replayKey, context.Outcome, context.Writes));
            return context.Outcome;
        }
        catch (RunSuspendedException)
        {
            Journal.End(entry, ActivityStatus.Suspended, Time.GetUtcNow());
            throw;
        }
        catch (ActivityFaultException fault)
        {
            entry.Error = fault.Error;
            Journal.End(entry, ActivityStatus.Faulted, Time.GetUtcNow());
            throw;
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            Journal.End(entry, ActivityStatus.Cancelled, Time.GetUtcNow());
            throw;
        }
        catch (Exception e)
        {
            var error = CreateError(activity, entry.Path, e, context.Artifacts);
            entry.Error = error;
            Journal.End(entry, ActivityStatus.Faulted, Time.GetUtcNow());
            context.Logger.LogWarning("Activity {ActivityType} '{FailedActivity}' failed: {Reason}", activity.TypeName, activity.Id, error.Message);
            throw new ActivityFaultException(error, MaskedException.Mask(e, Masker));
        }
    }

    /// <summary>Does again what a finished activity did before the run paused: the same writes, the same outcome; no journal entry.</summary>
    private string ApplyReplay(ReplayRecord record, VariableScope scope)
    {
        foreach (var write in record.Writes)
        {
            var value = Values.ValueConverter.FromJson(write.Value);
            if (write.Secret && value is string secret) Masker.Add(secret);
            scope.Set(write.Variable, value);
        }

        return record.Outcome;
    }

    private ActivityError CreateError(Activity activity, string path, Exception e, IReadOnlyList<string> artifacts)
    {
        var message = e switch
        {
            ActivityException => e.Message,
            ExpressionException => e.Message,
            _ => $"{e.GetType().Name}: {e.Message}",
        };
        var cause = e.InnerException is { } inner && e is ActivityException && inner is not ExpressionException and not Values.ValueConversionException
            ? $"{inner.GetType().Name}: {inner.Message.Split('\n')[0].Trim()}"
            : null;
        return new ActivityError(activity.Id, activity.TypeName, path, Masker.MaskText(message))
        {
            Cause = cause is null ? null : Masker.MaskText(cause),
            Artifacts = artifacts,
            IsBusinessError = e is Activities.BusinessException,
        };
    }
}
