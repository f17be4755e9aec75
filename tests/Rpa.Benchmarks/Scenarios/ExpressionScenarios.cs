using Rpa.Benchmarks.Running;
using Rpa.Engine.Execution;
using Rpa.Engine.Expressions;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>JavaScript evaluations and Liquid renders per second, and the check that a compiled expression is not parsed again.</summary>
internal static class ExpressionScenarios
{
    public const int Items = 100_000;

    public const int Renders = 20_000;

    public const int BigScopeRenders = 1_000;

    public const string Template = "Row {{ index }}: {{ item }} (total {{ total }})";

    public const string ShortExpression = "total + item";

    /// <summary>
    /// Evaluates to the same as <see cref="ShortExpression"/>, but its source is ~10,000 characters: a dead branch (a
    /// flat array, so the syntax tree stays shallow) that a parser must read and an evaluator never touches. If
    /// evaluation parsed, it would cost like a parse.
    /// </summary>
    public static readonly string LongExpression =
        "index >= 0 ? total + item : [" + string.Join(", ", Enumerable.Range(1, 300).Select(k => $"Math.max(total, item * {k}) / {k + 1}")) + "][0]";

    public static IEnumerable<Scenario> All()
    {
        yield return ForEachJavaScript("foreach-js", ShortExpression,
            "JavaScript evaluations per second in a loop: a ForEach over 100,000 numbers whose body is SetVariable total = `total + item` (publishing the changed variables to the engine, evaluating, converting back).");
        yield return new Scenario
        {
            Name = "while-js",
            Description = "JavaScript evaluations per second driving a loop: a While with condition `i < n` and a SetVariable i = `i + 1` body, 100,000 rounds (two evaluations per round).",
            Work = $"While `i < n`, body i = `i + 1`, {Items:N0} rounds",
            Items = 2L * Items + 2,
            Unit = ("evaluations", "evaluation"),
            Prepare = () =>
            {
                var bot = BenchmarkHost.Compile(BenchmarkBots.CountingWhile(Items));
                return new Operation(async () =>
                {
                    var options = new RunOptions { Inputs = new Dictionary<string, object?> { ["n"] = (decimal)Items } };
                    var result = await BenchmarkHost.RunAsync(bot, options, Items + 3).ConfigureAwait(false);
                    BenchmarkHost.Expect(result, "result", (decimal)Items);
                });
            },
        };
        yield return ForEachJavaScript("js-eval-long", LongExpression,
            $"The parse check, evaluation side: the ForEach of foreach-js with a {LongExpression.Length:N0}-character expression that evaluates the same as `total + item` (a dead branch). Same time and allocations as foreach-js = no parse per evaluation.");
        yield return Compile("js-compile-short", ShortExpression,
            "The parse check, parse side: ExpressionCompiler.CompileJavaScript of `total + item` (parse, analyse referenced names), done once per bot definition.");
        yield return Compile("js-compile-long", LongExpression,
            $"The parse check, parse side: ExpressionCompiler.CompileJavaScript of the {LongExpression.Length:N0}-character expression of js-eval-long.");
        yield return Liquid("liquid", Renders, listInScope: 0,
            $"Liquid renders per second: a ForEach over {Renders:N0} numbers (made by a JavaScript expression, so no big list is in scope) whose body is SetVariable text = `{Template}`.");
        yield return Liquid("liquid-big-scope", BigScopeRenders, listInScope: Renders,
            $"The same template, {BigScopeRenders:N0} renders, while a {Renders:N0}-item bot input list is in scope but not used by the template: what the variables in scope cost each render.");
    }

    private static Scenario ForEachJavaScript(string name, string expression, string description) => new()
    {
        Name = name,
        Description = description,
        Work = expression.Length <= 40
            ? $"ForEach over {Items:N0} items, body total = `{expression}`"
            : $"ForEach over {Items:N0} items, body total = {expression.Length:N0}-char expression",
        Items = Items + 2,
        Unit = ("evaluations", "evaluation"),
        Prepare = () =>
        {
            var bot = BenchmarkHost.Compile(BenchmarkBots.ForEach(BenchmarkBots.SetJs("add", "total", expression)));
            var items = BenchmarkBots.Numbers(Items);
            return new Operation(async () =>
            {
                var options = new RunOptions { Inputs = new Dictionary<string, object?> { ["items"] = items } };
                var result = await BenchmarkHost.RunAsync(bot, options, Items + 3).ConfigureAwait(false);
                BenchmarkHost.Expect(result, "result", BenchmarkBots.SumOfNumbers(Items));
            }, "+2 evaluations: `items` once, `total` for the output");
        },
    };

    private static Scenario Compile(string name, string expression, string description) => new()
    {
        Name = name,
        Description = description,
        Work = $"CompileJavaScript of a {expression.Length:N0}-char expression",
        Items = 1,
        Unit = ("parses", "parse"),
        Prepare = () => Operation.Sync(() => ExpressionCompiler.CompileJavaScript(expression)),
    };

    private static Scenario Liquid(string name, int renders, int listInScope, string description) => new()
    {
        Name = name,
        Description = description,
        Work = $"ForEach over {renders:N0} items, body text = Liquid template{(listInScope > 0 ? $", {listInScope:N0}-item list in scope" : "")}",
        Items = renders,
        Unit = ("renders", "render"),
        Prepare = () =>
        {
            var items = listInScope > 0 ? $"items.slice(0, {renders})" : $"Array.from({{ length: {renders} }}, (_, i) => i)";
            var bot = BenchmarkHost.Compile(BenchmarkBots.ForEach(BenchmarkBots.SetLiquid("render", "text", Template), items));
            var inputs = listInScope > 0 ? new Dictionary<string, object?> { ["items"] = BenchmarkBots.Numbers(listInScope) } : new Dictionary<string, object?>();
            return new Operation(() => BenchmarkHost.RunAsync(bot, new RunOptions { Inputs = inputs }, renders + 3));
        },
    };
}
