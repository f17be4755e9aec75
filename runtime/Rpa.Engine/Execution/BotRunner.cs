using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Rpa.Engine.Journal;
using Rpa.Engine.Model;
using Rpa.Engine.Validation;
using Rpa.Engine.Values;

namespace Rpa.Engine.Execution;

/// <summary>Runs compiled bots in process: binds inputs, runs the root activity, collects outputs, keeps the journal.</summary>
public static class BotRunner
{
    public static Task<RunResult> RunAsync(CompiledBot bot, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        RunCoreAsync(bot, options ?? new RunOptions(), bot.CanSuspend ? new ReplayLog() : null, firstSequence: 1, cancellationToken);

    /// <summary>
    /// Resumes a run that paused (<see cref="RunStatus.Waiting"/>) with the answer to its bookmark. Give the same bot version
    /// and the same inputs as the first start (in <paramref name="options"/>) and the same <see cref="RunOptions.RunId"/>:
    /// activities that finished before the pause are replayed from <paramref name="state"/>, not run again; the journal continues.
    /// </summary>
    public static Task<RunResult> ResumeAsync(CompiledBot bot, PausedRun state, JsonObject answer, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!string.Equals(state.Bot, bot.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The paused run belongs to bot '{state.Bot}', not '{bot.Name}'.", nameof(bot));
        }

        var replay = new ReplayLog(state.Completed, state.BookmarkKey, answer);
        return RunCoreAsync(bot, options ?? new RunOptions(), replay, state.NextSequence, cancellationToken);
    }

    private static async Task<RunResult> RunCoreAsync(CompiledBot bot, RunOptions options, ReplayLog? replay, long firstSequence, CancellationToken cancellationToken)
    {
        var masker = new SecretMasker();
        var scope = BindArguments(bot.Definition, options.Inputs, masker);
        var journal = new RunJournal(options.Observer, options.KeepJournal, firstSequence);
        var resources = new RunResources();
        var run = new RunContext(bot, options, journal, masker, resources, cancellationToken, depth: 0, pathPrefix: "", parentSequence: null, replay);
        var startedAt = options.Time.GetUtcNow();

        using var logScope = options.Logger.BeginScope(new Dictionary<string, object?> { ["RunId"] = options.RunId, ["Bot"] = bot.Name });
        if (firstSequence == 1) options.Logger.LogInformation("Run {RunId} of bot {Bot} started", options.RunId, bot.Name);
        else options.Logger.LogInformation("Run {RunId} of bot {Bot} resumed", options.RunId, bot.Name);

        RunStatus status;
        ActivityError? error = null;
        PausedRun? state = null;
        try
        {
            await run.ExecuteAsync(bot.Root, null, scope, null, cancellationToken).ConfigureAwait(false);
            status = RunStatus.Succeeded;
        }
        catch (RunSuspendedException suspended)
        {
            status = RunStatus.Waiting;
            state = new PausedRun(bot.Name, suspended.Bookmark, suspended.Key, journal.NextSequence, replay!.Records);
        }
        catch (ActivityFaultException fault)
        {
            status = RunStatus.Failed;
            error = fault.Error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            status = RunStatus.Cancelled;
        }
        catch (Exception e) when (MaskedException.Mask(e, masker) is MaskedException masked)
        {
            // Something outside the activities failed (the journal's observer, a host service) and its text quotes a
            // secret of the run: whoever logs or stores it gets the masked stand-in.
            throw masked;
        }
        finally
        {
            await resources.DisposeAsync().ConfigureAwait(false);
        }

        var result = new RunResult
        {
            RunId = options.RunId,
            Bot = bot.Name,
            Status = status,
            StartedAt = startedAt,
            EndedAt = options.Time.GetUtcNow(),
            Outputs = CollectOutputs(bot.Definition, scope, masker),
            Error = error,
            Journal = journal,
            Bookmark = state?.Bookmark,
            Paused = state,
        };

        if (state is not null)
        {
            options.Logger.LogInformation("Run {RunId} waits at activity {WaitingActivity} for {Bookmark}", options.RunId, state.Bookmark.ActivityId, state.Bookmark.Name);
        }
        else if (status == RunStatus.Failed) options.Logger.LogInformation("Run {RunId} failed: {Error}", options.RunId, result.ErrorMessage);
        else options.Logger.LogInformation("Run {RunId} {Status} in {Duration}", options.RunId, status, result.Duration);
        return result;
    }

    /// <summary>Runs <paramref name="bot"/> as a part of the caller's run (RunBot): same journal, clock and cancellation.</summary>
    internal static async Task<IReadOnlyDictionary<string, object?>> RunNestedAsync(ActivityContext caller, CompiledBot bot, IReadOnlyDictionary<string, object?> inputs)
    {
        var parent = caller.Run;
        if (parent.Depth + 1 > parent.Options.MaxBotDepth)
        {
            throw new Activities.ActivityException($"bots call bots more than {parent.Options.MaxBotDepth} levels deep; is a bot calling itself?");
        }

        VariableScope scope;
        try
        {
            scope = BindArguments(bot.Definition, inputs, parent.Masker);
        }
        catch (BotInputException e)
        {
            throw new Activities.ActivityException(e.Message);
        }

        var run = new RunContext(bot, parent.Options, parent.Journal, parent.Masker, parent.Resources, caller.CancellationToken, parent.Depth + 1, caller.Entry.Path + ">", caller.Entry.Sequence, parent.Replay);
        await run.ExecuteAsync(bot.Root, caller.Entry.Sequence, scope, null, caller.CancellationToken).ConfigureAwait(false);

        // The caller gets the values themselves (a login bot's secret token must be usable); they stay secrets of the run,
        // masked wherever the run writes text, as the caller's journal entry of RunBot shows.
        return bot.Definition.Outputs.ToDictionary(
            o => o.Name,
            o =>
            {
                var value = scope.Find(o.Name)?.Value;
                if (o.Secret && value is string secret) parent.Masker.Add(secret);
                return value;
            },
            StringComparer.Ordinal);
    }

    /// <summary>Checks and converts the given inputs, and declares inputs, outputs and variables in a new scope.</summary>
    public static VariableScope BindArguments(BotDefinition bot, IReadOnlyDictionary<string, object?> given, SecretMasker masker)
    {
        var problems = new List<ValidationProblem>();
        var scope = new VariableScope();
        var declared = bot.Inputs.Select(i => i.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var name in given.Keys.Where(k => !declared.Contains(k)))
        {
            problems.Add(new ValidationProblem(null, $"input '{name}'", $"the bot has no input '{name}' (inputs: {(declared.Count == 0 ? "none" : string.Join(", ", declared))})"));
        }

        foreach (var input in bot.Inputs)
        {
            object? value;
            if (given.TryGetValue(input.Name, out var raw)) value = raw;
            else if (input.Default is not null) value = ValueConverter.FromJson(input.Default);
            else if (input.Required)
            {
                problems.Add(new ValidationProblem(null, $"input '{input.Name}'", $"the input is required ({DataTypes.ToName(input.Type)})"));
                continue;
            }
            else value = null;

            try
            {
                var converted = value is null ? null : ValueConverter.ConvertTo(value, input.Type);
                if (input.Secret && converted is string secret) masker.Add(secret);
                scope.Declare(input.Name, input.Type, converted, readOnly: true);
            }
            catch (ValueConversionException e)
            {
                problems.Add(new ValidationProblem(null, $"input '{input.Name}'", e.Message));
            }
        }

        if (problems.Count > 0) throw new BotInputException(bot.Name, problems);

        foreach (var output in bot.Outputs)
        {
            scope.Declare(output.Name, output.Type, ValueConverter.FromJson(output.Default), secret: output.Secret);
        }

        foreach (var variable in bot.Variables)
        {
            scope.Declare(variable.Name, variable.Type, ValueConverter.FromJson(variable.Value));
        }

        return scope;
    }

    private static Dictionary<string, object?> CollectOutputs(BotDefinition bot, VariableScope scope, SecretMasker masker) =>
        bot.Outputs.ToDictionary(o => o.Name, o => o.Secret ? SecretMasker.Mask : masker.MaskValue(scope.Find(o.Name)?.Value), StringComparer.Ordinal);
}
