using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.Extensions.Logging;
using Rpa.Runtime.Runs;

namespace Rpa.Runtime.Triggers;

/// <summary>
/// The job of a schedule's Hangfire recurring job: takes the bot and trigger names only, reads the trigger of the bot's
/// published version now (so a publish changes what it does), creates the run record and dispatches it.
/// </summary>
public sealed class ScheduleJob(TriggerCatalog triggers, RunLauncher launcher, ILogger<ScheduleJob> logger)
{
    /// <summary>Not retried: a firing that fails is logged; the next one comes at the next occurrence.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task FireAsync(string bot, string trigger, CancellationToken cancellationToken)
    {
        var result = await FireNowAsync(bot, trigger, cancellationToken).ConfigureAwait(false);
        if (result.Run is { } run) logger.LogInformation("Schedule {Trigger} of bot {Bot} started run {RunId}", trigger, bot, run.Id);
        else logger.LogError("Schedule {Trigger} of bot {Bot} could not start a run: {Reason}", trigger, bot, result.NotFound ?? string.Join("; ", result.Problems));
    }

    /// <summary>Starts a run of the published version with the schedule's inputs, trigger "schedule:NAME".</summary>
    public async Task<RunStartResult> FireNowAsync(string bot, string trigger, CancellationToken cancellationToken)
    {
        var published = await triggers.ForBotAsync(bot, cancellationToken).ConfigureAwait(false);
        if (published is null) return RunStartResult.Missing($"There is no bot '{bot}'.");
        if (published.FirstOrDefault(t => t.Trigger.Name == trigger) is not { Trigger: ScheduleTrigger schedule } found)
        {
            return RunStartResult.Missing($"The published version of bot '{bot}' has no schedule '{trigger}'.");
        }

        return await launcher.StartAsync(
            new RunRequest(bot, (JsonObject)schedule.Inputs.DeepClone(), schedule.RunTrigger) { Version = found.Version },
            cancellationToken).ConfigureAwait(false);
    }
}
