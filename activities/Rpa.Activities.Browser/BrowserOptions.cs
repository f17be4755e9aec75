namespace Rpa.Activities.Browser;

/// <summary>How the runtime starts Chromium. Chromium comes from Debian (`apt-get install chromium`); nothing is downloaded.</summary>
public sealed record BrowserOptions
{
    public string ExecutablePath { get; init; } = Environment.GetEnvironmentVariable("RPA_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public bool Headless { get; init; } = true;

    /// <summary>How long element and page activities wait unless they say otherwise.</summary>
    public TimeSpan DefaultTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How many documents Convert HTML to PDF and Render invoice PDFs print at once (pages kept open for reuse).</summary>
    public int PdfPages { get; init; } = 4;

    /// <summary>How long one HTML document may take to load before printing it fails.</summary>
    public TimeSpan PdfTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public int ViewportWidth { get; init; } = 1280;

    public int ViewportHeight { get; init; } = 800;

    /// <summary>Flags that keep Chromium from calling home; this machine's network is loopback only.</summary>
    public IReadOnlyList<string> Arguments { get; init; } =
    [
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--disable-gpu", "--disable-dev-shm-usage", "--disable-features=Translate,MediaRouter",
    ];
}
