using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Rpa.Engine.Journal;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// Writes a run's journal and logs to the store while it goes, in batches: entries that started or ended since the
/// last flush are sent together every <c>JournalFlushInterval</c> (not one round trip per activity), and all that is
/// left when the run ends.
/// </summary>
public sealed class RunRecorder : IRunObserver, IAsyncDisposable
{
    private readonly Guid _runId;
    private readonly IRunStore _store;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, JournalEntry> _dirty = new();
    private readonly ConcurrentQueue<RunLogRecord> _logs = new();
    private readonly List<RunLogRecord> _failedLogs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private readonly Task _loop;
    private readonly RunEventHub? _events;
    private long _logSequence;

    /// <param name="events">Where the live view listens; entries are sent there at once, before they reach the store.</param>
    public RunRecorder(Guid runId, IRunStore store, TimeSpan interval, TimeProvider time, ILogger logger, RunEventHub? events = null)
    {
        _runId = runId;
        _store = store;
        _logger = logger;
        _events = events;
        _loop = Task.Run(() => LoopAsync(interval, time));
    }

    public void ActivityStarted(JournalEntry entry)
    {
        _dirty[entry.Sequence] = entry;
        _events?.Publish(_runId, entry);
    }

    public void ActivityEnded(JournalEntry entry)
    {
        _dirty[entry.Sequence] = entry;
        _events?.Publish(_runId, entry);
    }

    internal void AddLog(DateTime timestamp, LogLevel level, string? activityId, string message, Exception? exception) =>
        _logs.Enqueue(new RunLogRecord
        {
            RunId = _runId,
            Sequence = Interlocked.Increment(ref _logSequence),
            Timestamp = timestamp,
            Level = level.ToString(),
            ActivityId = activityId,
            Message = message,
            Exception = exception?.ToString(),
        });

    /// <summary>Sends everything not yet written; what a failed write held stays pending for the next flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken) => await WriteAsync(null, cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// Ends the run in the store together with everything not yet written, in one transaction; false when the run was no
    /// longer running (see <see cref="IRunStore.WriteProgressAsync"/>). After a failure all of it stays pending, so a retry sends it again.
    /// </summary>
    public async Task<bool> CompleteAsync(RunCompletion completion, CancellationToken cancellationToken) =>
        await WriteAsync(completion, cancellationToken).ConfigureAwait(false);

    private async Task<bool> WriteAsync(RunCompletion? completion, CancellationToken cancellationToken)
    {
        await _flushing.WaitAsync(cancellationToken).ConfigureAwait(false);
        var taken = new List<JournalEntry>();
        var logs = new List<RunLogRecord>();
        try
        {
            foreach (var sequence in _dirty.Keys.Order())
            {
                if (_dirty.TryRemove(sequence, out var entry)) taken.Add(entry);
            }

            logs.AddRange(_failedLogs);
            _failedLogs.Clear();
            while (_logs.TryDequeue(out var log)) logs.Add(log);

            var ended = await _store.WriteProgressAsync(new RunProgress(_runId, taken.Select(ToRecord).ToList(), logs) { Completion = completion }, cancellationToken).ConfigureAwait(false);
            taken.Clear();
            logs.Clear();
            return ended;
        }
        finally
        {
            // An entry that changed again meanwhile is already pending; TryAdd keeps it.
            foreach (var entry in taken) _dirty.TryAdd(entry.Sequence, entry);
            _failedLogs.InsertRange(0, logs);
            _flushing.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _loop.ConfigureAwait(false);
        await FlushAsync(CancellationToken.None).ConfigureAwait(false);
        _stop.Dispose();
        _flushing.Dispose();
    }

    private async Task LoopAsync(TimeSpan interval, TimeProvider time)
    {
        using var timer = new PeriodicTimer(interval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    // Not cancelled by the stop: a write once begun finishes, and the final flush sends the rest.
                    await FlushAsync(CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    // The next flush tries again with what is still pending; the final flush reports for real.
                    _logger.LogWarning(e, "Writing the journal of run {RunId} failed; trying again", _runId);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private JournalRecord ToRecord(JournalEntry entry)
    {
        var json = JournalJson.ToJson(entry);
        return new JournalRecord
        {
            RunId = _runId,
            Sequence = entry.Sequence,
            ParentSequence = entry.ParentSequence,
            ActivityId = entry.ActivityId,
            ActivityType = entry.ActivityType,
            Path = entry.Path,
            Status = json["status"]!.GetValue<string>(),
            StartedAt = entry.StartedAt.UtcDateTime,
            EndedAt = json["endedAt"] is null ? null : entry.EndedAt?.UtcDateTime,
            Json = json.ToJsonString(),
        };
    }
}
