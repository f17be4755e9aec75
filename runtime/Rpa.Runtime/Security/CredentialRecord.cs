namespace Rpa.Runtime.Security;

/// <summary>A named credential of the vault: its kind and its values, encrypted with Data Protection (purpose "Rpa.Vault.v1").</summary>
public sealed class CredentialRecord
{
    public required string Name { get; set; }

    /// <summary>UsernamePassword, ApiToken or Smtp.</summary>
    public required string Kind { get; set; }

    /// <summary>The protected JSON of the values; never plaintext.</summary>
    public required string Payload { get; set; }

    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }

    public required string UpdatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }
}
