namespace Rpa.Host.Server;

/// <summary>What `rpa serve` mounts besides the API (configuration section "Rpa:Serve").</summary>
public sealed class ServeOptions
{
    public const string Section = "Rpa:Serve";

    /// <summary>The practice apps under /practice (the sample bots drive them).</summary>
    public bool PracticeApps { get; set; } = true;

    /// <summary>The Hangfire dashboard at /hangfire (Operators read-only, Admins in full; docs/security.md).</summary>
    public bool Dashboard { get; set; } = true;

    /// <summary>
    /// The folder of the built web designer (index.html and assets), served at /. Empty: designer/dist found by
    /// walking up from the program's folder, then from the current folder (see <see cref="DesignerFiles.Locate"/>).
    /// </summary>
    public string? Designer { get; set; }
}
