using Microsoft.EntityFrameworkCore;

namespace Rpa.Runtime.Security;

/// <summary>The security tables of the store: users, API keys, sign-in links and the audit log.</summary>
internal static class SecurityModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<UserRecord>(user =>
        {
            user.ToTable("users");
            user.HasKey(u => u.Id);
            user.Property(u => u.UserName).HasMaxLength(100);
            user.HasIndex(u => u.UserName).IsUnique();
            user.Property(u => u.Role).HasMaxLength(20);
            user.Property(u => u.SecurityStamp).HasMaxLength(64);
        });

        modelBuilder.Entity<ApiKeyRecord>(key =>
        {
            key.ToTable("api_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.Name).HasMaxLength(100);
            key.Property(k => k.Prefix).HasMaxLength(20);
            key.Property(k => k.Hash).HasMaxLength(64);
            key.HasIndex(k => k.Hash).IsUnique();
            key.Property(k => k.Role).HasMaxLength(20);
            key.Property(k => k.CreatedBy).HasMaxLength(200);
            key.Property(k => k.RevokedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<SignInLinkRecord>(link =>
        {
            link.ToTable("sign_in_links");
            link.HasKey(l => l.TokenHash);
            link.Property(l => l.TokenHash).HasMaxLength(64);
            link.HasIndex(l => l.UserId);
        });

        modelBuilder.Entity<AuditRecord>(audit =>
        {
            audit.ToTable("audit_log");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.Actor).HasMaxLength(200);
            audit.Property(a => a.Action).HasMaxLength(100);
            audit.Property(a => a.Target).HasMaxLength(400);
            audit.HasIndex(a => a.At);
        });

        modelBuilder.Entity<CredentialRecord>(credential =>
        {
            credential.ToTable("credentials");
            credential.HasKey(c => c.Name);
            credential.Property(c => c.Name).HasMaxLength(200);
            credential.Property(c => c.Kind).HasMaxLength(40);
            credential.Property(c => c.CreatedBy).HasMaxLength(200);
            credential.Property(c => c.UpdatedBy).HasMaxLength(200);
        });

        modelBuilder.Entity<DataProtectionKeyRecord>(key =>
        {
            key.ToTable("data_protection_keys");
            key.HasKey(k => k.Id);
            key.Property(k => k.FriendlyName).HasMaxLength(200);
        });
    }
}
