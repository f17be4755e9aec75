using System.ComponentModel.DataAnnotations;

using Rpa.Runtime.Dispatch;

namespace Rpa.Runtime.Hosting;

/// <summary>Settings of the runtime (configuration section "Rpa"); every one has a default. Validated at start-up.</summary>
public sealed class RuntimeOptions : IValidatableObject
{
    public const string Section = "Rpa";

    /// <summary>Where the SQLite file, artifacts and logs go. Relative paths are relative to the current folder.</summary>
    [Required]
    public string DataDirectory { get; set; } = Environment.GetEnvironmentVariable("RPA_DATA") is { Length: > 0 } data ? data : "data";

    public StoreProvider Store { get; set; } = StoreProvider.Sqlite;

    /// <summary>The PostgreSQL connection string (Store = Postgres); for SQLite, optional (default: Data Source={DataDirectory}/rpa.db).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>The Hangfire queues this process's worker takes runs from: its capabilities.</summary>
    [MinLength(1)]
    public string[] Queues { get; set; } = [RunQueues.Default, RunQueues.Browser, RunQueues.Ocr];

    /// <summary>
    /// How often an idle worker asks PostgreSQL for the next run (Store = Postgres; Hangfire's SQL default of 15 s is far
    /// too slow). A run queued in the same process starts at once; one queued by another process within this interval.
    /// Each idle worker thread sends one small query per interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The PostgreSQL schema of Hangfire's tables (Store = Postgres); created at start-up when missing.</summary>
    [Required]
    public string HangfireSchema { get; set; } = "hangfire";

    /// <summary>How many runs this process runs at once.</summary>
    [Range(1, 1000)]
    public int WorkerCount { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How often a running job checks the store for a cancel request from another process.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan CancelPollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long a stopping worker waits for its runs to end; runs still going then go back to the queue.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How often the journal writer sends finished entries to the store while a run goes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan JournalFlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a run that found its bot at its concurrency limit waits before it looks for a free slot again (a run of the bot that ends wakes the oldest waiting one at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan ConcurrencyRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often the worker looks for delayed jobs and due schedules (Hangfire's default is 15 s; a schedule fires late by up to this).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often file-drop folders are scanned for new files and for files whose runs ended (a file watcher also wakes the scan early).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan FileDropScanInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>A dropped file is picked only when it has not changed for this long (so a file still being copied is not taken half-written).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan FileDropSettleTime { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Watch the file-drop folders of published bots in this process (any number of processes may: a file is claimed once).</summary>
    public bool FileDrops { get; set; } = true;

    /// <summary>The largest webhook body accepted, in bytes.</summary>
    [Range(1, 100 * 1024 * 1024)]
    public int WebhookMaxBodyBytes { get; set; } = 1024 * 1024;
    /// <summary>How often a running job renews its lease on the run (a heartbeat in the store).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RunHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A run whose worker sent no heartbeat for this long is taken to be orphaned (the worker died, on any machine) and
    /// goes back to the queue; another worker runs it again. Must be well above the heartbeat interval.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.200", "1.00:00:00")]
    public TimeSpan RunLeaseTimeout { get; set; } = TimeSpan.FromMinutes(1);
    /// <summary>How often a worker renews the leases of the queue items it works on and returns abandoned items (keep it well below the queues' lease durations).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan QueueSweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A queues.json (work queue definitions) imported at start-up; default: queues.json in <see cref="BotsDirectory"/>.</summary>
    public string? QueuesFile { get; set; }

    /// <summary>Dispatch queued runs again (and runs of a dead worker on this machine) when the process starts.</summary>
    public bool ReconcileOnStart { get; set; } = true;

    /// <summary>A folder of bots (one sub-folder with a bot.json each) imported and published at start-up when their JSON changed; empty: none.</summary>
    public string? BotsDirectory { get; set; }

    public string ResolvedDataDirectory => Path.GetFullPath(DataDirectory);

    public string ArtifactsDirectory => Path.Combine(ResolvedDataDirectory, "artifacts");

    public string ResolvedConnectionString => Store switch
    {
        StoreProvider.Sqlite => string.IsNullOrWhiteSpace(ConnectionString) ? $"Data Source={Path.Combine(ResolvedDataDirectory, "rpa.db")}" : ConnectionString,
        _ => ConnectionString ?? "",
    };

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Store == StoreProvider.Postgres && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult("Rpa:ConnectionString is required when Rpa:Store is Postgres.", [nameof(ConnectionString)]);
        }

        if (HangfireSchema is not { Length: > 0 and <= 63 } schema || !schema.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '_'))
        {
            yield return new ValidationResult($"Rpa:HangfireSchema: '{HangfireSchema}' is not a schema name (lower-case letters, digits and '_').", [nameof(HangfireSchema)]);
        }

        if (RunLeaseTimeout < RunHeartbeatInterval * 3)
        {
            yield return new ValidationResult(
                $"Rpa:RunLeaseTimeout ({RunLeaseTimeout}) must be at least three heartbeat intervals (Rpa:RunHeartbeatInterval = {RunHeartbeatInterval}), or live runs would be taken over.",
                [nameof(RunLeaseTimeout)]);
        }

        foreach (var queue in Queues.Where(q => !RunQueues.IsValidName(q)))
        {
            yield return new ValidationResult($"Rpa:Queues: '{queue}' is not a queue name (lower-case letters, digits, '_' and '-').", [nameof(Queues)]);
        }
    }
}
