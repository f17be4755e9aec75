using Hangfire;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Runs;

/// <summary>Starts runs: checks the inputs against the bot, writes the Queued run (the system of record), then dispatches its id.</summary>
public sealed class RunLauncher(IRunStore store, BotCache bots, IBackgroundJobClient jobs, TimeProvider time)
{
    public async Task<RunStartResult> StartAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var bot = await store.GetBotAsync(request.Bot, cancellationToken).ConfigureAwait(false);
        if (bot is null) return RunStartResult.Missing($"There is no bot '{request.Bot}'.");
        var version = request.Version ?? bot.PublishedVersion;
        if (version is null) return RunStartResult.Missing($"Bot '{request.Bot}' has no published version; publish one or name a version.");

        var cached = await bots.GetVersionAsync(bot.Name, version.Value, cancellationToken).ConfigureAwait(false);
        if (cached is null) return RunStartResult.Missing($"Bot '{request.Bot}' has no version {version}.");
        var compiled = cached.Compiled;
        if (!compiled.IsValid) return RunStartResult.Invalid(compiled.Problems);

        try
        {
            var inputs = request.Inputs.ToDictionary(p => p.Key, p => ValueConverter.FromJson(p.Value), StringComparer.Ordinal);
            BotRunner.BindArguments(compiled.Bot!.Definition, inputs, new SecretMasker());
        }
        catch (BotInputException e)
        {
            return RunStartResult.Invalid(e.Problems);
        }

        var run = new RunRecord
        {
            Id = request.RunId ?? Guid.CreateVersion7(),
            BotName = bot.Name,
            BotVersion = version.Value,
            Trigger = request.Trigger,
            Inputs = request.Inputs.ToJsonString(),
            Status = RunState.Queued,
            Queue = cached.Record.Queue,
            CreatedAt = time.GetUtcNow().UtcDateTime,
        };
        await store.CreateRunAsync(run, cancellationToken).ConfigureAwait(false);
        jobs.EnqueueRun(run.Id, run.Queue);
        return new RunStartResult(run, null, []);
    }
}
