using System.Text.Json.Nodes;
using Cronos;

namespace Rpa.Runtime.Triggers;

/// <summary>A cron schedule in a time zone (a Hangfire recurring job); each firing starts a run with <see cref="Inputs"/>.</summary>
public sealed record ScheduleTrigger(string Name, string Cron, TimeZoneInfo TimeZone, JsonObject Inputs) : TriggerDefinition(Name)
{
    public const string TypeName = "schedule";

    public override string Type => TypeName;

    public override string RunTrigger => $"schedule:{Name}";

    /// <summary>The next firing strictly after <paramref name="after"/>, in UTC; null when the expression never fires again.</summary>
    public DateTimeOffset? NextOccurrence(DateTimeOffset after) => ParseCron(Cron).GetNextOccurrence(after, TimeZone);

    /// <summary>Five fields (minute hour day month weekday) or six (with seconds first), as Hangfire reads them.</summary>
    public static CronExpression ParseCron(string cron)
    {
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        return CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
    }
}
