using Rpa.Runtime.Security;

namespace Rpa.Host.Api.Security;

/// <summary>A user as the API shows it (never the password hash). <c>SignInLink</c> only when one was just made.</summary>
public sealed record UserResponse(Guid Id, string UserName, string Role, bool Disabled, bool HasPassword, DateTime CreatedAt, DateTime UpdatedAt, string? SignInLink = null)
{
    public static UserResponse From(UserRecord user, string? link = null) =>
        new(user.Id, user.UserName, user.Role, user.Disabled, user.PasswordHash is not null, user.CreatedAt, user.UpdatedAt, link);
}
