using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// Encrypts the state of a waiting run (<see cref="Engine.Execution.PausedRun"/>) before it is stored: it holds the values the
/// bot's activities wrote before the wait, secrets included. ASP.NET Core Data Protection, the same keys as the vault.
/// </summary>
public sealed class PausedStateProtector(IDataProtectionProvider protection)
{
    private const string Prefix = "dp1:";
    private readonly IDataProtector _protector = protection.CreateProtector("Rpa.PausedRun.v1");

    public string Protect(string state) => Prefix + _protector.Protect(state);

    /// <summary>The state as the engine wrote it; a <see cref="FormatException"/> that says why when it cannot be decrypted.</summary>
    public string Unprotect(string stored)
    {
        if (!stored.StartsWith(Prefix, StringComparison.Ordinal)) return stored;
        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException e)
        {
            throw new FormatException(
                $"the stored state of the waiting run cannot be decrypted ({e.Message}); were the Data Protection keys (data/keys, or the store) replaced?", e);
        }
    }
}
