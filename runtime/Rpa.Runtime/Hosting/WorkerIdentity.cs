using System.Diagnostics;

namespace Rpa.Runtime.Hosting;

/// <summary>
/// Who runs a run: "machine:pid:instance". Reconcile uses it to tell a dead worker on this machine (no such process,
/// or this process but an earlier runtime instance) from a live one elsewhere.
/// </summary>
public sealed class WorkerIdentity
{
    public WorkerIdentity()
    {
        Machine = Environment.MachineName;
        ProcessId = Environment.ProcessId;
        Instance = Guid.NewGuid().ToString("N")[..8];
        Id = $"{Machine}:{ProcessId}:{Instance}";
    }

    public string Id { get; }

    public string Machine { get; }

    public int ProcessId { get; }

    public string Instance { get; }

    /// <summary>True when <paramref name="worker"/> ran on this machine and its process (or runtime instance) is gone.</summary>
    public bool IsDeadLocalWorker(string? worker)
    {
        if (worker is null) return true;
        var parts = worker.Split(':');
        if (parts.Length != 3 || parts[0] != Machine || !int.TryParse(parts[1], out var pid)) return false;
        if (pid == ProcessId) return parts[2] != Instance;
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
