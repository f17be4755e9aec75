namespace Rpa.Runtime.Store;

/// <summary>The system of record for one run. Hangfire carries only <see cref="Id"/>.</summary>
public sealed class RunRecord
{
    public Guid Id { get; set; }

    public required string BotName { get; set; }

    public int BotVersion { get; set; }

    /// <summary>What started it: "api", "manual", later "schedule:…", "webhook:…".</summary>
    public required string Trigger { get; set; }

    /// <summary>The inputs as a JSON object.</summary>
    public string Inputs { get; set; } = "{}";

    public RunState Status { get; set; }

    /// <summary>The Hangfire queue the run goes to.</summary>
    public required string Queue { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>The outputs as a JSON object, once the run has ended.</summary>
    public string? Outputs { get; set; }

    /// <summary>Why it failed, as a JSON object (activity id, type, path, message, cause, artifacts).</summary>
    public string? Error { get; set; }

    /// <summary>The worker running or that ran it (<see cref="Hosting.WorkerIdentity"/>).</summary>
    public string? Worker { get; set; }

    /// <summary>How many times a worker started it (more than 1 after a worker died mid-run).</summary>
    public int Attempts { get; set; }

    /// <summary>When the worker running it last said it is alive; a run whose heartbeat is older than the lease goes back to the queue.</summary>
    public DateTime? HeartbeatAt { get; set; }

    public bool CancelRequested { get; set; }

    /// <summary>While Waiting (and until it ends): what the engine needs to resume the run (<see cref="Engine.Execution.PausedRun"/> as JSON).</summary>
    public string? PausedState { get; set; }

    /// <summary>The answer to the bookmark the run waits at, set when someone decides; the next dispatch resumes with it.</summary>
    public string? ResumeAnswer { get; set; }
}
