namespace Rpa.Engine.Activities.Vault;

/// <summary>
/// The runtime's credential vault as runs see it: read a named credential. Implemented by the runtime (encrypted in the
/// store); a host without one (`rpa run`) makes <see cref="GetCredential"/> fail with a clear error.
/// </summary>
public interface ICredentialVault
{
    /// <summary>The credential, or null when there is none with that name.</summary>
    Task<VaultCredential?> GetAsync(string name, CancellationToken cancellationToken);
}

/// <summary>The values of a credential; which ones are set depends on its kind (UsernamePassword, ApiToken, Smtp).</summary>
public sealed record VaultCredential(string Name, string Kind)
{
    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? Token { get; init; }

    public string? Host { get; init; }

    public int? Port { get; init; }
}
