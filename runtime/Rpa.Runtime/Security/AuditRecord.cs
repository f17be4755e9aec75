namespace Rpa.Runtime.Security;

/// <summary>One line of the audit log: who did what to what, when. Appended only; nothing updates or deletes it.</summary>
public sealed class AuditRecord
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    /// <summary>"user:ada", "key:ci (rpa_ab12cd34)" or "system".</summary>
    public required string Actor { get; set; }

    /// <summary>What happened, e.g. "bot.published", "run.started", "user.created", "key.revoked".</summary>
    public required string Action { get; set; }

    /// <summary>What it happened to, e.g. "bot:hello v3", "run:…", "user:ada".</summary>
    public required string Target { get; set; }

    /// <summary>More facts as a JSON object (never a secret), or null.</summary>
    public string? Details { get; set; }
}
