using Rpa.Benchmarks.Activities;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Validation;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>Compiles and runs benchmark bots with the built-in activities plus the benchmark ones, and checks each run did its work.</summary>
internal static class BenchmarkHost
{
    public static ActivityRegistry Registry { get; } = ActivityRegistry.CreateDefault().Add<NoOp>().Add<NoOpWithInput>();

    public static BotCompiler Compiler { get; } = new(Registry);

    public static CompiledBot Compile(BotDefinition bot) => Compiler.CompileOrThrow(bot);

    /// <summary>Runs the bot and fails loudly unless it succeeded with exactly <paramref name="activities"/> journal entries.</summary>
    public static async Task<RunResult> RunAsync(CompiledBot bot, RunOptions options, long activities)
    {
        var result = await BotRunner.RunAsync(bot, options).ConfigureAwait(false);
        if (result.Status != RunStatus.Succeeded)
        {
            throw new InvalidOperationException($"The benchmark bot '{bot.Name}' did not succeed ({result.Status}): {result.ErrorMessage}");
        }

        if (result.Journal.Count != activities)
        {
            throw new InvalidOperationException($"The benchmark bot '{bot.Name}' ran {result.Journal.Count:N0} activities, not {activities:N0}.");
        }

        return result;
    }

    /// <summary>Fails loudly unless the bot output <paramref name="name"/> is <paramref name="expected"/>.</summary>
    public static void Expect(RunResult result, string name, object expected)
    {
        var actual = result.Outputs.GetValueOrDefault(name);
        if (!Equals(actual, expected))
        {
            throw new InvalidOperationException($"The benchmark bot '{result.Bot}' output {name} = {actual ?? "null"}, expected {expected}.");
        }
    }
}
