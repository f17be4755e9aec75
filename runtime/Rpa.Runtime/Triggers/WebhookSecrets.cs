using System.Security.Cryptography;
using System.Text;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Triggers;

/// <summary>
/// Per-hook secrets: made by the runtime (32 random bytes), shown once, stored as a SHA-256 hash, and checked in constant
/// time (the hashes are compared with <see cref="CryptographicOperations.FixedTimeEquals"/>).
/// </summary>
public sealed class WebhookSecrets(IRunStore store)
{
    /// <summary>Makes a new secret for the hook (replacing any earlier one) and returns it; only its hash is kept.</summary>
    public async Task<string> RotateAsync(string bot, string hook, CancellationToken cancellationToken)
    {
        var secret = "whs_" + Base64Url(RandomNumberGenerator.GetBytes(32));
        await store.SetWebhookSecretAsync(bot, hook, Convert.ToHexStringLower(Hash(secret)), cancellationToken).ConfigureAwait(false);
        return secret;
    }

    /// <summary>True when <paramref name="given"/> is the hook's secret; false when it is not, or the hook has no secret yet.</summary>
    public async Task<bool> VerifyAsync(string bot, string hook, string? given, CancellationToken cancellationToken)
    {
        var stored = await store.GetWebhookSecretAsync(bot, hook, cancellationToken).ConfigureAwait(false);
        if (stored is null || string.IsNullOrEmpty(given)) return false;
        return CryptographicOperations.FixedTimeEquals(Hash(given), Convert.FromHexString(stored.Hash));
    }

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
