using System.Security.Cryptography;
using System.Text;

namespace Rpa.Runtime.Security;

/// <summary>Random tokens (API keys, sign-in links) and their SHA-256, which is all the store keeps.</summary>
public static class SecretTokens
{
    public const string ApiKeyPrefix = "rpa_";

    /// <summary>A new token: <paramref name="prefix"/> and 32 random bytes in base64url (43 characters).</summary>
    public static string New(string prefix = "") =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    /// <summary>Compares two strings in time that does not depend on where they differ (webhook secrets).</summary>
    public static bool FixedTimeEquals(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
}
