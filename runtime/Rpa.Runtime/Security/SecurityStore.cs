using Microsoft.EntityFrameworkCore;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Security;

/// <summary>Users, API keys, sign-in links, credentials and the audit log in the store: a short-lived context per call.</summary>
public sealed class SecurityStore(Func<RunDbContext> createContext, TimeProvider time)
{
    public DateTime Now => time.GetUtcNow().UtcDateTime;

    // users

    public async Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<UserRecord?> FindUserAsync(string userName, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false);
    }

    public async Task<UserRecord?> GetUserAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a user without a password; false when the name is taken.</summary>
    public async Task<UserRecord?> CreateUserAsync(string userName, string role, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        if (await db.Users.AnyAsync(u => u.UserName == userName, cancellationToken).ConfigureAwait(false)) return null;
        var user = new UserRecord
        {
            Id = Guid.NewGuid(),
            UserName = userName,
            Role = role,
            SecurityStamp = SecretTokens.New(),
            CreatedAt = Now,
            UpdatedAt = Now,
        };
        db.Users.Add(user);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return user;
    }

    /// <summary>Changes a user and renews its security stamp (so its sign-in cookies end); null when there is no such user.</summary>
    public async Task<UserRecord?> UpdateUserAsync(Guid id, Action<UserRecord> change, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == id, cancellationToken).ConfigureAwait(false);
        if (user is null) return null;
        change(user);
        user.SecurityStamp = SecretTokens.New();
        user.UpdatedAt = Now;
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return user;
    }

    // sign-in links

    /// <summary>A new one-time link for the user; earlier unused links of the user stop working. Returns the token (not stored).</summary>
    public async Task<string> CreateSignInLinkAsync(Guid userId, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        await db.SignInLinks.Where(l => l.UserId == userId && l.UsedAt == null).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
        var token = SecretTokens.New();
        db.SignInLinks.Add(new SignInLinkRecord { TokenHash = SecretTokens.Hash(token), UserId = userId, CreatedAt = Now, ExpiresAt = Now + lifetime });
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return token;
    }

    /// <summary>The user of an unused, unexpired link, or null.</summary>
    public async Task<UserRecord?> PeekSignInLinkAsync(string token, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var hash = SecretTokens.Hash(token);
        var now = Now;
        var link = await db.SignInLinks.AsNoTracking().FirstOrDefaultAsync(l => l.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        if (link is null || link.UsedAt is not null || link.ExpiresAt <= now) return null;
        return await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == link.UserId && !u.Disabled, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Uses the link once: sets the user's password hash; null when the link is unknown, used or expired.</summary>
    public async Task<UserRecord?> UseSignInLinkAsync(string token, string passwordHash, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var hash = SecretTokens.Hash(token);
        var now = Now;
        // One statement marks it used, so two requests with the same link cannot both succeed.
        var used = await db.SignInLinks
            .Where(l => l.TokenHash == hash && l.UsedAt == null && l.ExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.UsedAt, now), cancellationToken).ConfigureAwait(false);
        if (used != 1) return null;
        var link = await db.SignInLinks.AsNoTracking().FirstAsync(l => l.TokenHash == hash, cancellationToken).ConfigureAwait(false);
        return await UpdateUserAsync(link.UserId, u => u.PasswordHash = passwordHash, cancellationToken).ConfigureAwait(false);
    }

    // API keys

    public async Task AddApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<ApiKeyRecord?> FindApiKeyAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Hash == hash, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken).ConfigureAwait(false);
        return keys.OrderByDescending(k => k.CreatedAt).ToList();
    }

    /// <summary>Revokes a key; null when there is none with that id (a revoked key stays revoked).</summary>
    public async Task<ApiKeyRecord?> RevokeApiKeyAsync(Guid id, string by, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, cancellationToken).ConfigureAwait(false);
        if (key is null) return null;
        if (key.RevokedAt is null)
        {
            key.RevokedAt = Now;
            key.RevokedBy = by;
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }

        return key;
    }

    // credentials

    public async Task<IReadOnlyList<CredentialRecord>> ListCredentialsAsync(CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Credentials.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<CredentialRecord?> GetCredentialAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Credentials.AsNoTracking().FirstOrDefaultAsync(c => c.Name == name, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds or replaces a credential; true when it was new.</summary>
    public async Task<bool> PutCredentialAsync(string name, string kind, string payload, string by, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var credential = await db.Credentials.FirstOrDefaultAsync(c => c.Name == name, cancellationToken).ConfigureAwait(false);
        var created = credential is null;
        if (credential is null)
        {
            credential = new CredentialRecord { Name = name, Kind = kind, Payload = payload, CreatedBy = by, CreatedAt = Now, UpdatedBy = by, UpdatedAt = Now };
            db.Credentials.Add(credential);
        }
        else
        {
            credential.Kind = kind;
            credential.Payload = payload;
            credential.UpdatedBy = by;
            credential.UpdatedAt = Now;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return created;
    }

    public async Task<bool> DeleteCredentialAsync(string name, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.Credentials.Where(c => c.Name == name).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    // audit log

    public async Task AppendAuditAsync(AuditRecord entry, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        entry.At = Now;
        db.Audit.Add(entry);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<AuditRecord>> QueryAuditAsync(
        string? actor, string? action, DateTime? from, DateTime? to, int limit, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var query = db.Audit.AsNoTracking();
        if (!string.IsNullOrEmpty(actor)) query = query.Where(a => a.Actor == actor);
        if (!string.IsNullOrEmpty(action)) query = query.Where(a => a.Action == action);
        if (from is { } f) query = query.Where(a => a.At >= f);
        if (to is { } t) query = query.Where(a => a.At < t);
        return await query.OrderByDescending(a => a.Id).Take(limit).ToListAsync(cancellationToken).ConfigureAwait(false);
    }
}
