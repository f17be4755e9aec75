using Hangfire;
using Hangfire.Storage;
using Microsoft.Extensions.Logging;
using Rpa.Runtime.Dispatch;

namespace Rpa.Runtime.Triggers;

/// <summary>
/// Makes Hangfire's recurring jobs match the schedules of the published bots: adds or updates one recurring job per
/// schedule (id "schedule:BOT:TRIGGER", the cron in the trigger's time zone) and removes those no published bot has
/// any more. Idempotent; called at start-up and after every publish.
/// </summary>
public sealed class ScheduleRegistrar(TriggerCatalog triggers, IRecurringJobManager recurring, JobStorage storage, ILogger<ScheduleRegistrar> logger)
{
    public const string Prefix = "schedule:";

    public static string JobId(string bot, string trigger) => $"{Prefix}{bot}:{trigger}";

    /// <summary>Registers every published schedule and removes the rest; returns the recurring job ids registered.</summary>
    public async Task<IReadOnlyList<string>> SyncAsync(CancellationToken cancellationToken)
    {
        var wanted = new List<string>();
        foreach (var published in await triggers.ListAsync(cancellationToken).ConfigureAwait(false))
        {
            if (published.Trigger is not ScheduleTrigger schedule) continue;
            var id = JobId(published.Bot, schedule.Name);
            var bot = published.Bot;
            var name = schedule.Name;
            recurring.AddOrUpdate<ScheduleJob>(
                id,
                RunQueues.Default,
                job => job.FireAsync(bot, name, CancellationToken.None),
                schedule.Cron,
                new RecurringJobOptions { TimeZone = schedule.TimeZone });
            wanted.Add(id);
        }

        List<RecurringJobDto> existing;
        using (var connection = storage.GetConnection()) existing = connection.GetRecurringJobs();
        foreach (var stale in existing.Select(j => j.Id).Where(id => id.StartsWith(Prefix, StringComparison.Ordinal) && !wanted.Contains(id)))
        {
            recurring.RemoveIfExists(stale);
            logger.LogInformation("Schedule {Schedule} removed: no published bot has it any more", stale);
        }

        return wanted;
    }
}
