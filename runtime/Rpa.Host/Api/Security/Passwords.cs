using Microsoft.AspNetCore.Identity;
using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>Password hashing (ASP.NET Core Identity's PasswordHasher: PBKDF2 with a salt) and the password rule.</summary>
public sealed class Passwords
{
    public const int MinimumLength = 12;

    private readonly PasswordHasher<UserRecord> _hasher = new();

    // Verified against when the user does not exist, so a wrong user name takes as long as a wrong password.
    private readonly string _dummy;

    public Passwords()
    {
        _dummy = _hasher.HashPassword(Placeholder, SecretTokens.New());
    }

    private static UserRecord Placeholder { get; } = new() { UserName = "", Role = "", SecurityStamp = "" };

    public string Hash(UserRecord user, string password) => _hasher.HashPassword(user, password);

    public bool Verify(UserRecord? user, string password)
    {
        if (user?.PasswordHash is null || user.Disabled)
        {
            _hasher.VerifyHashedPassword(Placeholder, _dummy, password);
            return false;
        }

        return _hasher.VerifyHashedPassword(user, user.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>Why the password is not acceptable, or null.</summary>
    public static string? Problem(string password) =>
        password.Length < MinimumLength ? $"The password must have at least {MinimumLength} characters."
        : password.Length > 200 ? "The password must have at most 200 characters."
        : null;
}
