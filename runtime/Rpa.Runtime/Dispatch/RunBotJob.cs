using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// The one job Hangfire runs. It takes only a run id and is reentrant: it acts only if it can move the run from
/// Queued to Running in the store, so a run dispatched twice (reconcile, a retried enqueue) runs once.
/// </summary>
public sealed class RunBotJob(
    IRunStore store,
    BotCache bots,
    CancellationRegistry cancellations,
    WorkerIdentity worker,
    IOptions<RuntimeOptions> options,
    IServiceProvider services,
    ILoggerFactory loggers,
    TimeProvider time)
{
    private readonly ILogger _logger = loggers.CreateLogger<RunBotJob>();

    /// <param name="runId">The run in the store.</param>
    /// <param name="cancellationToken">Hangfire's: fires when this worker shuts down (the run goes back to the queue, it is not cancelled).</param>
    [AutomaticRetry(Attempts = 0)]
    public async Task ExecuteAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(runId, cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            _logger.LogWarning("Run {RunId} is not in the store; nothing to do", runId);
            return;
        }

        if (!await store.TryStartRunAsync(runId, worker.Id, cancellationToken).ConfigureAwait(false))
        {
            _logger.LogInformation("Run {RunId} is {Status}, not queued; this dispatch does nothing", runId, run.Status);
            return;
        }

        try
        {
            await RunAsync(run, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await RequeueAsync(runId).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Run {RunId} could not be run", runId);
            await CompleteAsync(runId, RunState.Failed, null, Problem("the runtime could not run the bot: " + e.Message)).ConfigureAwait(false);
        }
    }

    private async Task RunAsync(RunRecord run, CancellationToken shutdown)
    {
        var compiled = await bots.GetAsync(run.BotName, run.BotVersion, shutdown).ConfigureAwait(false);
        if (compiled is null || !compiled.IsValid)
        {
            var reason = compiled is null
                ? $"bot '{run.BotName}' has no version {run.BotVersion}"
                : $"bot '{run.BotName}' version {run.BotVersion} is not valid: {string.Join("; ", compiled.Problems)}";
            await CompleteAsync(run.Id, RunState.Failed, null, Problem(reason)).ConfigureAwait(false);
            return;
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        using var registration = cancellations.Register(run.Id, cancel);
        var settings = options.Value;
        var watcher = WatchForCancelAsync(run.Id, cancel, settings.CancelPollInterval);

        var artifacts = Path.Combine(settings.ArtifactsDirectory, run.Id.ToString("N"));
        RunResult result;
        var recorder = new RunRecorder(run.Id, store, settings.JournalFlushInterval, time, _logger);
        await using (recorder.ConfigureAwait(false))
        {
            try
            {
                result = await BotRunner.RunAsync(compiled.Bot!, new RunOptions
                {
                    RunId = run.Id,
                    Inputs = ReadInputs(run.Inputs),
                    Observer = recorder,
                    KeepJournal = false,
                    Services = services,
                    Logger = new RunLogger(loggers.CreateLogger("Rpa.Run"), recorder, time),
                    Time = time,
                    BotResolver = new StoreBotResolver(store, bots),
                    ArtifactsDirectory = artifacts,
                }, cancel.Token).ConfigureAwait(false);
            }
            catch (BotInputException e)
            {
                await cancel.CancelAsync().ConfigureAwait(false);
                await watcher.ConfigureAwait(false);
                await CompleteAsync(run.Id, RunState.Failed, null, Problem(e.Message)).ConfigureAwait(false);
                return;
            }
        }

        await cancel.CancelAsync().ConfigureAwait(false);
        await watcher.ConfigureAwait(false);
        await RecordArtifactsAsync(run.Id, artifacts).ConfigureAwait(false);

        if (result.Status == Engine.Execution.RunStatus.Cancelled && shutdown.IsCancellationRequested)
        {
            // The worker is stopping, nobody asked to cancel: another start dispatches the run again.
            await RequeueAsync(run.Id).ConfigureAwait(false);
            return;
        }

        var status = result.Status switch
        {
            Engine.Execution.RunStatus.Succeeded => RunState.Succeeded,
            Engine.Execution.RunStatus.Cancelled => RunState.Cancelled,
            _ => RunState.Failed,
        };
        var outputs = ValueConverter.ToJson(result.Outputs)?.ToJsonString();
        var error = result.Error is null ? null : JournalJson.ToJson(result.Error).ToJsonString();
        await CompleteAsync(run.Id, status, outputs, error).ConfigureAwait(false);
    }

    private async Task WatchForCancelAsync(Guid runId, CancellationTokenSource cancel, TimeSpan interval)
    {
        try
        {
            using var timer = new PeriodicTimer(interval, time);
            while (await timer.WaitForNextTickAsync(cancel.Token).ConfigureAwait(false))
            {
                var run = await store.GetRunAsync(runId, cancel.Token).ConfigureAwait(false);
                if (run is { CancelRequested: true })
                {
                    _logger.LogInformation("Run {RunId}: cancel requested", runId);
                    await cancel.CancelAsync().ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Run {RunId}: watching for a cancel request failed", runId);
        }
    }

    private async Task RecordArtifactsAsync(Guid runId, string folder)
    {
        if (!Directory.Exists(folder)) return;
        var now = time.GetUtcNow().UtcDateTime;
        var files = new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories)
            .Select(f => new ArtifactRecord
            {
                Id = Guid.NewGuid(),
                RunId = runId,
                Name = Path.GetRelativePath(folder, f.FullName).Replace('\\', '/'),
                Path = f.FullName,
                Size = f.Length,
                CreatedAt = now,
            })
            .ToList();
        await store.AddArtifactsAsync(files, CancellationToken.None).ConfigureAwait(false);
    }

    private async Task CompleteAsync(Guid runId, RunState status, string? outputs, string? error)
    {
        var completion = new RunCompletion(status, time.GetUtcNow().UtcDateTime, outputs, error);
        if (!await store.CompleteRunAsync(runId, completion, CancellationToken.None).ConfigureAwait(false))
        {
            _logger.LogWarning("Run {RunId} was no longer running when it ended {Status}", runId, status);
        }
    }

    private async Task RequeueAsync(Guid runId)
    {
        _logger.LogInformation("Run {RunId}: the worker is stopping; the run goes back to the queue", runId);
        await store.RequeueAsync(runId, worker.Id, CancellationToken.None).ConfigureAwait(false);
    }

    private static Dictionary<string, object?> ReadInputs(string json)
    {
        var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (JsonNode.Parse(json) is JsonObject values)
        {
            foreach (var (name, value) in values) inputs[name] = ValueConverter.FromJson(value);
        }

        return inputs;
    }

    private static string Problem(string message) => new JsonObject { ["message"] = message }.ToJsonString();
}
