namespace Rpa.Runtime.Security;

/// <summary>A person who signs in to the runtime: a user name, a role, a password hash (none until they used their sign-in link).</summary>
public sealed class UserRecord
{
    public Guid Id { get; set; }

    public required string UserName { get; set; }

    /// <summary>Viewer, Operator, Engineer or Admin.</summary>
    public required string Role { get; set; }

    /// <summary>ASP.NET Core's PasswordHasher format (PBKDF2); null until a password was set through a sign-in link.</summary>
    public string? PasswordHash { get; set; }

    public bool Disabled { get; set; }

    /// <summary>Changes when the password, role or state changes: sign-in cookies issued before are no longer accepted.</summary>
    public required string SecurityStamp { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
