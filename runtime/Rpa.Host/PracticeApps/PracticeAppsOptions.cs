namespace Rpa.Host.PracticeApps;

/// <summary>Settings of the practice apps (the input-forms challenge and the CRM); every one has a default.</summary>
public sealed class PracticeAppsOptions
{
    /// <summary>The TCP port on 127.0.0.1 for <see cref="PracticeAppsServer"/>; 0 picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>The CRM's only user name.</summary>
    public string CrmUser { get; set; } = "clerk";

    /// <summary>The CRM user's password.</summary>
    public string CrmPassword { get; set; } = "practice-Secret-42";

    /// <summary>Saving a new customer waits a random <see cref="MinDelayMs"/>–<see cref="MaxDelayMs"/> ms, like a busy back office.</summary>
    public bool SlowResponses { get; set; } = true;

    public int MinDelayMs { get; set; } = 100;

    public int MaxDelayMs { get; set; } = 800;

    /// <summary>Seeds the random delays so that a sequence of saves waits the same each time; null for a random seed.</summary>
    public int? Seed { get; set; }

    /// <summary>The bots/practice-apps folder (with challenge/ and crm/). Default: found above the program's folder, next to Rpa.sln.</summary>
    public string StaticRoot { get; set; } = FindStaticRoot() ?? "";

    /// <summary>The clock for the customers' Created time and for the delays.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>When set, <see cref="PracticeAppsServer"/> writes one line per request here (method, path, status, time).</summary>
    public TextWriter? RequestLog { get; set; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first setting that cannot work.</summary>
    public void Validate()
    {
        if (Port is < 0 or > 65535) throw new ArgumentException($"Port {Port} is not between 0 and 65535.", nameof(Port));
        if (string.IsNullOrWhiteSpace(CrmUser)) throw new ArgumentException("CrmUser must not be empty.", nameof(CrmUser));
        if (string.IsNullOrEmpty(CrmPassword)) throw new ArgumentException("CrmPassword must not be empty.", nameof(CrmPassword));
        if (MinDelayMs < 0 || MaxDelayMs < MinDelayMs)
        {
            throw new ArgumentException($"The delay range {MinDelayMs}–{MaxDelayMs} ms is not valid: 0 <= MinDelayMs <= MaxDelayMs.", nameof(MinDelayMs));
        }

        if (string.IsNullOrEmpty(StaticRoot))
        {
            throw new ArgumentException(
                $"The practice apps' files (bots/practice-apps) were not found above {AppContext.BaseDirectory} or the current folder; set StaticRoot.",
                nameof(StaticRoot));
        }

        foreach (var app in new[] { "challenge", "crm" })
        {
            if (!Directory.Exists(Path.Combine(StaticRoot, app)))
            {
                throw new ArgumentException($"StaticRoot '{StaticRoot}' has no '{app}' folder; it should be bots/practice-apps.", nameof(StaticRoot));
            }
        }
    }

    private static string? FindStaticRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Rpa.sln")))
                {
                    var root = Path.Combine(dir.FullName, "bots", "practice-apps");
                    if (Directory.Exists(root)) return root;
                }
            }
        }

        return null;
    }
}
