using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Retry;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Store;
using Rpa.Runtime.Triggers;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// The one job Hangfire runs. It takes only a run id and is reentrant: it acts only if it can move the run from
/// Queued to Running in the store, so a run dispatched twice (reconcile, a retried enqueue) runs once.
/// Store calls are retried when they fail (a database blip); if the run still cannot be started, the job throws and
/// Hangfire tries it again later (<see cref="AutomaticRetryAttribute"/>, harmless: the job is reentrant), and when
/// Hangfire gives up the run fails with the reason (<see cref="RunJobFailureFilter"/>), so it never stays queued silently.
/// </summary>
public sealed class RunBotJob(
    IRunStore store,
    BotCache bots,
    CancellationRegistry cancellations,
    WorkerIdentity worker,
    IOptions<RuntimeOptions> options,
    IOptions<Security.SecurityOptions> security,
    IServiceProvider services,
    IBackgroundJobClient jobs,
    ILoggerFactory loggers,
    TimeProvider time,
    RunEventHub events,
    PausedStateProtector pausedStates,
    Queues.QueueWaits waits)
{
    private readonly ILogger _logger = loggers.CreateLogger<RunBotJob>();
    private ResiliencePipeline? _storeRetry;

    /// <summary>Store calls: 3 more tries after 0.2, 0.4 and 0.8 s (with jitter), for any error but a cancellation.</summary>
    private ResiliencePipeline StoreRetry => _storeRetry ??= new ResiliencePipelineBuilder()
        .AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<Exception>(e => e is not OperationCanceledException),
            MaxRetryAttempts = 3,
            Delay = TimeSpan.FromMilliseconds(200),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            OnRetry = args =>
            {
                _logger.LogWarning(args.Outcome.Exception, "A store call failed; retry {Attempt} of 3 in {Delay} ms", args.AttemptNumber + 1, (int)args.RetryDelay.TotalMilliseconds);
                return ValueTask.CompletedTask;
            },
        })
        .Build();

    /// <param name="runId">The run in the store.</param>
    /// <param name="cancellationToken">Hangfire's: fires when this worker shuts down (the run goes back to the queue, it is not cancelled).</param>
    [AutomaticRetry(Attempts = 3, DelaysInSeconds = [10, 60, 300])]
    public async Task ExecuteAsync(Guid runId, CancellationToken cancellationToken)
    {
        var run = await StoreRetry.ExecuteAsync(async token => await store.GetRunAsync(runId, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (run is null)
        {
            _logger.LogWarning("Run {RunId} is not in the store; nothing to do", runId);
            return;
        }

        // The bot's concurrency limit ("concurrency": { "max": n }) is checked by the store as the run starts, across every worker.
        var limit = await ConcurrencyLimitAsync(run, cancellationToken).ConfigureAwait(false);
        var outcome = await StoreRetry.ExecuteAsync(async token => await store.TryStartRunAsync(runId, worker.Id, limit, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (outcome == RunStartOutcome.NotQueued)
        {
            _logger.LogInformation("Run {RunId} is {Status}, not queued; this dispatch does nothing", runId, run.Status);
            return;
        }

        if (outcome == RunStartOutcome.AtLimit)
        {
            // The run stays Queued (never lost): a run of this bot that ends dispatches the oldest waiting one at once, and
            // this one looks again after the delay in case that wake-up went to another run or process.
            var delay = options.Value.ConcurrencyRetryDelay;
            _logger.LogInformation("Run {RunId}: bot {Bot} already runs {Max} run(s) at once; the run waits {Delay} s for a free slot", runId, run.BotName, limit, delay.TotalSeconds);
            jobs.ScheduleRun(runId, run.Queue, delay);
            return;
        }

        try
        {
            var end = await RunStartedAsync(run, requeueOnShutdown: true, cancellationToken, ranBefore: run.Attempts > 0).ConfigureAwait(false);
            if (end is not null && Queues.QueueRuns.IsQueueRun(run.Trigger)) await EndWaitingItemAsync(run.Id, end).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await RequeueAsync(runId).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogError(e, "Run {RunId} could not be run", runId);
            await CompleteAsync(runId, RunState.Failed, null, Problem("the runtime could not run the bot: " + e.Message), false).ConfigureAwait(false);
        }
        finally
        {
            if (limit is not null) await WakeNextAsync(run).ConfigureAwait(false);
        }
    }

    private async Task<int?> ConcurrencyLimitAsync(RunRecord run, CancellationToken cancellationToken)
    {
        var compiled = await StoreRetry.ExecuteAsync(async token => await bots.GetAsync(run.BotName, run.BotVersion, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        return compiled?.Bot is { } bot ? TriggerReader.ReadValid(bot.Definition).MaxConcurrency : null;
    }

    /// <summary>A slot of the bot's concurrency limit is free: dispatches its oldest queued run now, rather than after its retry delay.</summary>
    private async Task WakeNextAsync(RunRecord run)
    {
        try
        {
            var queued = await store.ListRunsAsync(new RunQuery { Bot = run.BotName, Statuses = [RunState.Queued], Limit = 1000 }, CancellationToken.None).ConfigureAwait(false);
            if (queued.Count > 0)
            {
                var next = queued[^1];
                jobs.EnqueueRun(next.Id, next.Queue);
            }
        }
        catch (Exception e)
        {
            // The waiting runs still look again after their retry delay.
            _logger.LogWarning(e, "Run {RunId} ended; dispatching the next queued run of bot {Bot} failed", run.Id, run.BotName);
        }
    }

    /// <summary>A queue item's run that had waited for a person ended: so does the item's attempt (the sweeper does it otherwise).</summary>
    private async Task EndWaitingItemAsync(Guid runId, RunEnd end)
    {
        try
        {
            await waits.EndAsync(runId, end, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            _logger.LogWarning(e, "Run {RunId} ended; recording its queue item's outcome failed (the queue sweeper does it)", runId);
        }
    }

    /// <summary>
    /// Runs a run this worker has started (Running in the store) to its end and records it. Returns how it ended, or
    /// null when the worker stopped in the middle and <paramref name="requeueOnShutdown"/> put the run back to the queue.
    /// <paramref name="ranBefore"/>: an earlier attempt of the run started (its journal entries are cleared first).
    /// </summary>
    internal async Task<RunEnd?> RunStartedAsync(RunRecord run, bool requeueOnShutdown, CancellationToken shutdown, bool ranBefore = false)
    {
        var compiled = await bots.GetAsync(run.BotName, run.BotVersion, shutdown).ConfigureAwait(false);
        if (compiled is null || !compiled.IsValid)
        {
            var reason = compiled is null
                ? $"bot '{run.BotName}' has no version {run.BotVersion}"
                : $"bot '{run.BotName}' version {run.BotVersion} is not valid: {string.Join("; ", compiled.Problems)}";
            return await CompleteAsync(run.Id, RunState.Failed, null, Problem(reason), false).ConfigureAwait(false);
        }

        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(shutdown);
        using var registration = cancellations.Register(run.Id, cancel);
        var settings = options.Value;
        var watcher = WatchAsync(run.Id, cancel, settings);

        var artifacts = Path.Combine(settings.ArtifactsDirectory, run.Id.ToString("N"));
        RunResult result;
        var recorder = new RunRecorder(run.Id, store, settings.JournalFlushInterval, time, _logger, events);
        await using (recorder.ConfigureAwait(false))
        {
            try
            {
                var runOptions = new RunOptions
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
                    WorkingDirectory = settings.ResolvedDataDirectory,
                    FileRoots = security.Value.FileRoots is { Length: > 0 } roots
                        ? roots
                        : [settings.ResolvedDataDirectory, .. string.IsNullOrWhiteSpace(settings.BotsDirectory) ? Array.Empty<string>() : [Path.GetFullPath(settings.BotsDirectory)]],
                };
                if (run.PausedState is null)
                {
                    if (ranBefore) await ForgetEarlierAttemptAsync(run, 1, cancel.Token).ConfigureAwait(false);
                    result = await BotRunner.RunAsync(compiled.Bot!, runOptions, cancel.Token).ConfigureAwait(false);
                }
                else
                {
                    result = await ResumeAsync(run, compiled.Bot!, runOptions, ranBefore, cancel.Token).ConfigureAwait(false);
                }
            }
            catch (FormatException e) when (run.PausedState is not null)
            {
                await cancel.CancelAsync().ConfigureAwait(false);
                await watcher.ConfigureAwait(false);
                return await CompleteAsync(run.Id, RunState.Failed, null, Problem(e.Message), false, recorder).ConfigureAwait(false);
            }
            catch (BotInputException e)
            {
                await cancel.CancelAsync().ConfigureAwait(false);
                await watcher.ConfigureAwait(false);
                return await CompleteAsync(run.Id, RunState.Failed, null, Problem(e.Message), false, recorder).ConfigureAwait(false);
            }

            await cancel.CancelAsync().ConfigureAwait(false);
            await watcher.ConfigureAwait(false);
            await RecordArtifactsAsync(run.Id, artifacts).ConfigureAwait(false);

            if (result.Status == Engine.Execution.RunStatus.Cancelled && shutdown.IsCancellationRequested)
            {
                if (!requeueOnShutdown) return await CompleteAsync(run.Id, RunState.Cancelled, null, Problem(WorkerStopped), false, recorder).ConfigureAwait(false);

                // The worker is stopping, nobody asked to cancel: another start dispatches the run again (its journal first).
                await recorder.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                await RequeueAsync(run.Id).ConfigureAwait(false);
                return null;
            }

            if (result.Paused is { } paused)
            {
                // The journal so far is in the store before the run shows as waiting.
                await recorder.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                await PauseAsync(run, paused).ConfigureAwait(false);
                return null;
            }

            var status = result.Status switch
            {
                Engine.Execution.RunStatus.Succeeded => RunState.Succeeded,
                Engine.Execution.RunStatus.Cancelled => RunState.Cancelled,
                _ => RunState.Failed,
            };
            var outputs = ValueConverter.ToJson(result.Outputs)?.ToJsonString();
            var error = result.Error is null ? null : JournalJson.ToJson(result.Error).ToJsonString();

            // The end, the last journal entries and logs in one transaction: whoever sees the run ended sees all of its journal.
            return await CompleteAsync(run.Id, status, outputs, error, result.Error?.IsBusinessError == true, recorder).ConfigureAwait(false);
        }
    }

    /// <summary>Resumes a run that waited, with the answer stored when someone decided.</summary>
    private async Task<RunResult> ResumeAsync(RunRecord run, CompiledBot bot, RunOptions options, bool ranBefore, CancellationToken cancellationToken)
    {
        var state = PausedRun.Parse(pausedStates.Unprotect(run.PausedState!));
        var answer = run.ResumeAnswer is { } json && JsonNode.Parse(json) is JsonObject given
            ? given
            : throw new FormatException($"run {run.Id} was dispatched while it still waits for {state.Bookmark.Name} at activity '{state.Bookmark.ActivityId}' (no answer stored)");
        if (ranBefore) await ForgetEarlierAttemptAsync(run, state.NextSequence, cancellationToken).ConfigureAwait(false);
        return await BotRunner.ResumeAsync(bot, state, answer, options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A run that runs again (its worker died or stopped in the middle) starts its journal where that attempt started
    /// it: the entries the earlier attempt wrote from <paramref name="fromSequence"/> on are deleted, so the journal shows
    /// one attempt, not the new one's entries mixed with the rest of the old one's.
    /// </summary>
    private async Task ForgetEarlierAttemptAsync(RunRecord run, long fromSequence, CancellationToken cancellationToken)
    {
        var deleted = await StoreRetry.ExecuteAsync(async token => await store.DeleteJournalFromAsync(run.Id, fromSequence, token).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        if (deleted > 0)
        {
            _logger.LogInformation("Run {RunId} runs again (attempt {Attempt}); the {Entries} journal entries of the attempt before were cleared", run.Id, run.Attempts + 1, deleted);
        }
    }

    private async Task PauseAsync(RunRecord run, PausedRun paused)
    {
        var bookmark = paused.Bookmark;
        var approval = bookmark.Name == Engine.Activities.HumanTasks.WaitForApproval.BookmarkName
            ? new ApprovalRecord
            {
                Id = Guid.CreateVersion7(),
                RunId = run.Id,
                BotName = run.BotName,
                ActivityId = bookmark.ActivityId,
                Title = (string?)bookmark.Payload["title"] ?? bookmark.ActivityId,
                Details = (string?)bookmark.Payload["details"],
                Status = ApprovalStatus.Pending,
                RequestedAt = time.GetUtcNow().UtcDateTime,
            }
            : null;
        var state = pausedStates.Protect(paused.ToJson());
        if (!await StoreRetry.ExecuteAsync(async token => await store.PauseRunAsync(run.Id, state, approval, token).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false))
        {
            _logger.LogWarning("Run {RunId} was no longer running when it paused at {Activity}", run.Id, bookmark.ActivityId);
            return;
        }

        _logger.LogInformation("Run {RunId} waits for {Bookmark} at activity {Activity}", run.Id, bookmark.Name, bookmark.ActivityId);
    }

    /// <summary>While the run goes: stops it when someone asks to cancel from any process, and renews its lease (heartbeat).</summary>
    private async Task WatchAsync(Guid runId, CancellationTokenSource cancel, RuntimeOptions settings)
    {
        try
        {
            using var timer = new PeriodicTimer(settings.CancelPollInterval < settings.RunHeartbeatInterval ? settings.CancelPollInterval : settings.RunHeartbeatInterval, time);
            var lastBeat = time.GetUtcNow();
            while (await timer.WaitForNextTickAsync(cancel.Token).ConfigureAwait(false))
            {
                RunRecord? run;
                try
                {
                    if (time.GetUtcNow() - lastBeat >= settings.RunHeartbeatInterval)
                    {
                        lastBeat = time.GetUtcNow();
                        if (!await store.HeartbeatAsync(runId, worker.Id, cancel.Token).ConfigureAwait(false))
                        {
                            _logger.LogWarning("Run {RunId}: this worker lost its lease on the run (no heartbeat for too long); it stops here", runId);
                            await cancel.CancelAsync().ConfigureAwait(false);
                            return;
                        }
                    }

                    run = await store.GetRunAsync(runId, cancel.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // A store blip: ask again at the next tick rather than stop watching for the rest of the run.
                    _logger.LogWarning(e, "Run {RunId}: asking the store for a cancel request failed", runId);
                    continue;
                }

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

    /// <param name="recorder">The run's recorder, when it has one: what it has not written yet goes with the end, in one transaction.</param>
    private async Task<RunEnd> CompleteAsync(Guid runId, RunState status, string? outputs, string? error, bool business = false, RunRecorder? recorder = null)
    {
        var completion = new RunCompletion(status, time.GetUtcNow().UtcDateTime, outputs, error) { Worker = worker.Id };
        var recorded = await StoreRetry.ExecuteAsync(
            async token => recorder is null
                ? await store.CompleteRunAsync(runId, completion, token).ConfigureAwait(false)
                : await recorder.CompleteAsync(completion, token).ConfigureAwait(false),
            CancellationToken.None).ConfigureAwait(false);
        if (!recorded)
        {
            _logger.LogWarning("Run {RunId} was no longer running when it ended {Status}", runId, status);
        }

        return new RunEnd(completion, business, recorded);
    }

    private async Task RequeueAsync(Guid runId)
    {
        _logger.LogInformation("Run {RunId}: the worker is stopping; the run goes back to the queue", runId);
        await StoreRetry.ExecuteAsync(async token => await store.RequeueAsync(runId, worker.Id, token).ConfigureAwait(false), CancellationToken.None).ConfigureAwait(false);
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

    /// <summary>The error of a queue-item run whose worker stopped in the middle (its item goes back to the queue).</summary>
    internal const string WorkerStopped = "the worker stopped before the run ended; its queue item goes back to the queue";

    internal static string Problem(string message) => new JsonObject { ["message"] = message }.ToJsonString();
}
