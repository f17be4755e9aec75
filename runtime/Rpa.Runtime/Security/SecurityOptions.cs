using System.ComponentModel.DataAnnotations;

namespace Rpa.Runtime.Security;

/// <summary>Settings of sign-in, API keys and request limits (configuration section "Rpa:Security").</summary>
public sealed class SecurityOptions
{
    public const string Section = "Rpa:Security";

    /// <summary>Lets `rpa serve` listen on a non-loopback address over plain HTTP (behind a TLS-terminating reverse proxy on the same host, or a trusted network).</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>At start-up, clear the password of the user 'admin' (enabled, Admin again) and print a new one-time sign-in link: the way back in when no Admin can sign in.</summary>
    public bool ResetAdmin { get; set; }

    /// <summary>How long a one-time sign-in link (first start, user created, password reset) stays valid.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SignInLinkLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>How long a sign-in cookie lasts without use (sliding).</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan SessionLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>The expiry of an API key created without one.</summary>
    [Range(1, 3650)]
    public int DefaultApiKeyDays { get; set; } = 90;

    /// <summary>The largest request body the API accepts, in bytes (larger ones get 413).</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long MaxRequestBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Where the Data Protection keys (sign-in cookies, the vault) live: File (data/keys) or Store (the database, for several machines).</summary>
    public DataProtectionKeyStore DataProtectionKeys { get; set; } = DataProtectionKeyStore.File;

    /// <summary>
    /// The folders file activities of runs may use (and everything inside them); empty: the data folder and the bots folder.
    /// Each run's artifacts folder is always allowed.
    /// </summary>
    public string[] FileRoots { get; set; } = [];

    /// <summary>Trust X-Forwarded-For/-Proto/-Host from these proxy addresses (a reverse proxy terminating HTTPS); empty: none.</summary>
    public string[] KnownProxies { get; set; } = [];
}

/// <summary>Where the Data Protection keys are kept.</summary>
public enum DataProtectionKeyStore
{
    File,
    Store,
}
