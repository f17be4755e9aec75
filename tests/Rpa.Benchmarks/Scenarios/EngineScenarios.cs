using Rpa.Benchmarks.Activities;
using Rpa.Benchmarks.Running;
using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Execution;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>The interpreter's own cost: trivial activities in a long Sequence and in a ForEach.</summary>
internal static class EngineScenarios
{
    public const int Activities = 100_000;

    public const int Items = 100_000;

    public static IEnumerable<Scenario> All()
    {
        var noOps = new Lazy<CompiledBot>(() => BenchmarkHost.Compile(BenchmarkBots.Sequence(Activities, i => BenchmarkBots.NoOp($"n{i}"))));
        var withInputs = new Lazy<CompiledBot>(() => BenchmarkHost.Compile(BenchmarkBots.Sequence(Activities, i => Bot.Activity<NoOpWithInput>($"n{i}").Set(x => x.Text, "some text"))));
        yield return LongSequence("sequence", noOps, keepJournal: true, withInput: false,
            "Trivial activities per second: a Sequence of 100,000 NoOp activities (each one journal entry, one context, one await), journal kept in memory.");
        yield return LongSequence("sequence-nojournal", noOps, keepJournal: false, withInput: false,
            "The same with RunOptions.KeepJournal = false: entries are still created (the observer would see them) but not kept.");
        yield return LongSequence("sequence-input", withInputs, keepJournal: true, withInput: true,
            "The same with NoOpWithInput, which reads one literal input: the cost of context.Get and of recording the input in the entry.");
        yield return ForEachNoOp("foreach", keepJournal: true,
            "A ForEach over a bot input list of 100,000 numbers with a NoOp body: per iteration the item and index variables are assigned and the body runs.");
        yield return ForEachNoOp("foreach-nojournal", keepJournal: false,
            "The same with RunOptions.KeepJournal = false.");
        yield return new Scenario
        {
            Name = "foreach-literal",
            Description = "The same loop with the 100,000 items as a literal in the bot definition instead of a bot input read by the JavaScript expression `items`: the loop's own cost, without passing the list through JavaScript.",
            Work = $"ForEach over {Items:N0} literal items, NoOp body",
            Items = Items,
            Unit = ("iterations", "iteration"),
            Prepare = () =>
            {
                var bot = BenchmarkHost.Compile(Bot.Define("for-each-literal")
                    .Root(Bot.Activity<ForEach>("loop").SetLiteral(x => x.Items, BenchmarkBots.Numbers(Items)).Child(x => x.Body, BenchmarkBots.NoOp("body")))
                    .Build());
                return new Operation(() => BenchmarkHost.RunAsync(bot, new RunOptions(), Items + 1));
            },
        };
    }

    private static Scenario LongSequence(string name, Lazy<CompiledBot> compiled, bool keepJournal, bool withInput, string description) => new()
    {
        Name = name,
        Description = description,
        Work = $"Sequence of {Activities:N0} × {(withInput ? nameof(NoOpWithInput) : nameof(NoOp))}{(keepJournal ? "" : ", KeepJournal = false")}",
        Items = Activities + 1,
        Unit = ("activities", "activity"),
        Prepare = () =>
        {
            var bot = compiled.Value;
            return new Operation(() => BenchmarkHost.RunAsync(bot, new RunOptions { KeepJournal = keepJournal }, Activities + 1), "prepare = compiling the 100,000 activities (shared by scenarios with the same bot)");
        },
    };

    private static Scenario ForEachNoOp(string name, bool keepJournal, string description) => new()
    {
        Name = name,
        Description = description,
        Work = $"ForEach over {Items:N0} items, NoOp body{(keepJournal ? "" : ", KeepJournal = false")}",
        Items = Items,
        Unit = ("iterations", "iteration"),
        Prepare = () =>
        {
            var bot = BenchmarkHost.Compile(BenchmarkBots.ForEach(BenchmarkBots.NoOp("body")));
            var items = BenchmarkBots.Numbers(Items);
            return new Operation(async () =>
            {
                var options = new RunOptions { Inputs = new Dictionary<string, object?> { ["items"] = items }, KeepJournal = keepJournal };
                await BenchmarkHost.RunAsync(bot, options, Items + 3).ConfigureAwait(false);
            }, "`items` is only a variable name, so the list is read from the scope, not passed through JavaScript");
        },
    };
}
