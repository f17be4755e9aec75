using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Serialization;
using Rpa.Engine.Validation;

namespace Rpa.Engine.Testing;

/// <summary>
/// Runs bots in memory for tests, with the built-in activities plus any you add, and an injectable clock.
/// Bot authors can use it to test their own bots and activities.
/// </summary>
public sealed class BotTestHost
{
    public BotTestHost(ActivityRegistry? registry = null)
    {
        Registry = registry ?? ActivityRegistry.CreateDefault();
        Compiler = new BotCompiler(Registry);
    }

    public ActivityRegistry Registry { get; }

    public BotCompiler Compiler { get; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public IBotResolver? BotResolver { get; init; }

    public IServiceProvider? Services { get; init; }

    public BotTestHost Add<T>() where T : Activities.Activity, new()
    {
        Registry.Add<T>();
        return this;
    }

    public CompileResult Validate(BotDefinition bot) => Compiler.Compile(bot);

    public Task<RunResult> RunAsync(BotDefinition bot, IReadOnlyDictionary<string, object?>? inputs = null, CancellationToken cancellationToken = default) =>
        RunAsync(Compiler.CompileOrThrow(bot), inputs, cancellationToken);

    public Task<RunResult> RunJsonAsync(string json, IReadOnlyDictionary<string, object?>? inputs = null, CancellationToken cancellationToken = default) =>
        RunAsync(BotJson.Parse(json), inputs, cancellationToken);

    public Task<RunResult> RunAsync(CompiledBot bot, IReadOnlyDictionary<string, object?>? inputs = null, CancellationToken cancellationToken = default) =>
        BotRunner.RunAsync(bot, new RunOptions
        {
            Inputs = inputs ?? new Dictionary<string, object?>(),
            Time = Time,
            BotResolver = BotResolver,
            Services = Services,
        }, cancellationToken);

    /// <summary>Resumes a run that paused at a bookmark, with the answer (e.g. <c>WaitForApproval.Answer(true, "ok", "ann")</c>).</summary>
    public Task<RunResult> ResumeAsync(CompiledBot bot, RunResult paused, System.Text.Json.Nodes.JsonObject answer, IReadOnlyDictionary<string, object?>? inputs = null, CancellationToken cancellationToken = default) =>
        BotRunner.ResumeAsync(bot, PausedRun.Parse((paused.Paused ?? throw new ArgumentException("The run did not pause.", nameof(paused))).ToJson()), answer, new RunOptions
        {
            RunId = paused.RunId,
            Inputs = inputs ?? new Dictionary<string, object?>(),
            Time = Time,
            BotResolver = BotResolver,
            Services = Services,
        }, cancellationToken);
}
