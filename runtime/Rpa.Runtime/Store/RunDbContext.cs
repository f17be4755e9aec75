using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Rpa.Runtime.Store;

/// <summary>The EF Core model of the store; one model for both providers (each has its own subclass for its migrations).</summary>
public abstract class RunDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<BotRecord> Bots => Set<BotRecord>();

    public DbSet<BotVersionRecord> BotVersions => Set<BotVersionRecord>();

    public DbSet<RunRecord> Runs => Set<RunRecord>();

    public DbSet<JournalRecord> Journal => Set<JournalRecord>();

    public DbSet<RunLogRecord> RunLogs => Set<RunLogRecord>();

    public DbSet<ArtifactRecord> Artifacts => Set<ArtifactRecord>();

    public DbSet<ApprovalRecord> Approvals => Set<ApprovalRecord>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Times are UTC everywhere; SQLite gives them back without a kind.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<BotRecord>(bot =>
        {
            bot.ToTable("bots");
            bot.HasKey(b => b.Name);
            bot.Property(b => b.Name).HasMaxLength(200);
        });

        modelBuilder.Entity<BotVersionRecord>(version =>
        {
            version.ToTable("bot_versions");
            version.HasKey(v => new { v.BotName, v.Version });
            version.Property(v => v.BotName).HasMaxLength(200);
            version.Property(v => v.Hash).HasMaxLength(64);
            version.Property(v => v.Queue).HasMaxLength(50);
        });

        modelBuilder.Entity<RunRecord>(run =>
        {
            run.ToTable("runs");
            run.HasKey(r => r.Id);
            run.Property(r => r.BotName).HasMaxLength(200);
            run.Property(r => r.Trigger).HasMaxLength(200);
            run.Property(r => r.Queue).HasMaxLength(50);
            run.Property(r => r.Worker).HasMaxLength(200);
            run.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            run.HasIndex(r => new { r.Status, r.CreatedAt });
            run.HasIndex(r => new { r.BotName, r.CreatedAt });
        });

        modelBuilder.Entity<JournalRecord>(entry =>
        {
            entry.ToTable("journal_entries");
            entry.HasKey(e => new { e.RunId, e.Sequence });
            entry.Property(e => e.Status).HasMaxLength(20);
        });

        modelBuilder.Entity<RunLogRecord>(log =>
        {
            log.ToTable("run_logs");
            log.HasKey(l => l.Id);
            log.Property(l => l.Level).HasMaxLength(20);
            log.HasIndex(l => new { l.RunId, l.Sequence });
        });

        modelBuilder.Entity<ArtifactRecord>(artifact =>
        {
            artifact.ToTable("artifacts");
            artifact.HasKey(a => a.Id);
            artifact.HasIndex(a => a.RunId);
        });

        // Approvals (durable waits).
        modelBuilder.Entity<ApprovalRecord>(approval =>
        {
            approval.ToTable("approvals");
            approval.HasKey(a => a.Id);
            approval.Property(a => a.BotName).HasMaxLength(200);
            approval.Property(a => a.ActivityId).HasMaxLength(200);
            approval.Property(a => a.Title).HasMaxLength(1000);
            approval.Property(a => a.DecidedBy).HasMaxLength(200);
            approval.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
            approval.HasIndex(a => new { a.Status, a.RequestedAt });
            approval.HasIndex(a => a.RunId);
        });
    }

    internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
