using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Rpa.Engine.Activities.Vault;

namespace Rpa.Runtime.Security;

/// <summary>
/// The vault: credentials encrypted with Data Protection (purpose "Rpa.Vault.v1") in the store's credentials table.
/// Written through the API (write-only), read only by runs (<see cref="GetCredential"/>).
/// </summary>
public sealed class CredentialVault(SecurityStore store, IDataProtectionProvider protection) : ICredentialVault
{
    public const string Purpose = "Rpa.Vault.v1";

    public static readonly string[] Kinds = ["UsernamePassword", "ApiToken", "Smtp"];

    private readonly IDataProtector _protector = protection.CreateProtector(Purpose);

    public async Task<VaultCredential?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var record = await store.GetCredentialAsync(name, cancellationToken).ConfigureAwait(false);
        if (record is null) return null;
        var values = JsonSerializer.Deserialize<Values>(_protector.Unprotect(record.Payload), JsonSerializerOptions.Web) ?? new Values();
        return new VaultCredential(record.Name, record.Kind)
        {
            Username = values.Username,
            Password = values.Password,
            Token = values.Token,
            Host = values.Host,
            Port = values.Port,
        };
    }

    /// <summary>Encrypts and saves a credential; true when it is new.</summary>
    public Task<bool> PutAsync(VaultCredential credential, string by, CancellationToken cancellationToken)
    {
        var values = new Values { Username = credential.Username, Password = credential.Password, Token = credential.Token, Host = credential.Host, Port = credential.Port };
        var payload = _protector.Protect(JsonSerializer.Serialize(values, JsonSerializerOptions.Web));
        return store.PutCredentialAsync(credential.Name, credential.Kind, payload, by, cancellationToken);
    }

    private sealed class Values
    {
        public string? Username { get; set; }

        public string? Password { get; set; }

        public string? Token { get; set; }

        public string? Host { get; set; }

        public int? Port { get; set; }
    }
}
