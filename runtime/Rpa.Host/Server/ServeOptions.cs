namespace Rpa.Host.Server;

/// <summary>What `rpa serve` mounts besides the API (configuration section "Rpa:Serve").</summary>
public sealed class ServeOptions
{
    public const string Section = "Rpa:Serve";

    /// <summary>The practice apps under /practice (the sample bots drive them).</summary>
    public bool PracticeApps { get; set; } = true;

    /// <summary>The Hangfire dashboard at /hangfire (Operators read-only, Admins in full; docs/security.md).</summary>
    public bool Dashboard { get; set; } = true;
}
