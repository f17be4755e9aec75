using Rpa.Benchmarks.Activities;
using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Activities.Primitives;
using Rpa.Engine.Building;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>The bots the scenarios run, written with the C# builder.</summary>
internal static class BenchmarkBots
{
    /// <summary>A Sequence of <paramref name="count"/> children made by <paramref name="child"/>.</summary>
    public static BotDefinition Sequence(int count, Func<int, IActivityBuilder> child) =>
        Bot.Define("long-sequence")
            .Root(Bot.Sequence("main", Enumerable.Range(0, count).Select(child).ToArray()))
            .Build();

    /// <summary>
    /// A ForEach over the bot input <c>items</c> (or over <paramref name="itemsExpression"/>), with <paramref name="body"/>
    /// as its body, then <c>result = total</c>. Variables: total (number), text (text). Journal entries: items + 3.
    /// </summary>
    public static BotDefinition ForEach(IActivityBuilder body, string itemsExpression = "items") =>
        Bot.Define("for-each")
            .Input("items", DataType.List)
            .Variable("total", DataType.Number, 0m)
            .Variable("text", DataType.Text, "")
            .Output("result", DataType.Number)
            .Root(Bot.Sequence("main",
                Bot.Activity<ForEach>("loop").Set(x => x.Items, InputValue.JavaScript(itemsExpression)).Child(x => x.Body, body),
                Report("total")))
            .Build();

    /// <summary>A While that counts i from 0 to n: two JavaScript evaluations per round (`i &lt; n`, `i + 1`). Journal entries: n + 3.</summary>
    public static BotDefinition CountingWhile(int n) =>
        Bot.Define("counting-while")
            .Input("n", DataType.Number, required: true)
            .Variable("i", DataType.Number, 0m)
            .Output("result", DataType.Number)
            .Root(Bot.Sequence("main",
                Bot.Activity<While>("loop")
                    .Set(x => x.Condition, InputValue.JavaScript("i < n"))
                    .Set(x => x.MaxIterations, n + 1m)
                    .Child(x => x.Body, SetJs("step", "i", "i + 1")),
                Report("i")))
            .Build();

    /// <summary>
    /// A realistic bot of exactly <paramref name="activities"/> activities (a Sequence root, then blocks of
    /// SetVariable with JavaScript, If with a JavaScript condition, Log with a Liquid message).
    /// </summary>
    public static BotDefinition Realistic(int activities)
    {
        var blocks = (activities - 1) / 3;
        if (blocks * 3 + 1 != activities) throw new ArgumentException("3 × n + 1 activities, please", nameof(activities));
        var children = Enumerable.Range(0, blocks).Select(i => new IActivityBuilder[]
        {
            SetJs($"add{i}", "total", $"total + {i} * rate"),
            Bot.Activity<If>($"check{i}")
                .Set(x => x.Condition, InputValue.JavaScript($"total > {i * 10} && name.length > 0"))
                .Child(x => x.Then, Bot.Activity<Log>($"log{i}").Set(x => x.Message, InputValue.Liquid($"Step {i} of {{{{ name }}}}: total {{{{ total }}}}"))),
        });
        return Bot.Define("realistic")
            .Description($"{activities:N0} activities for the compile and JSON benchmarks")
            .Input("name", DataType.Text, "benchmark")
            .Input("rate", DataType.Number, 1.5m)
            .Variable("total", DataType.Number, 0m)
            .Output("result", DataType.Number)
            .Root(Bot.Sequence("main", children.SelectMany(c => c).ToArray()))
            .Build();
    }

    public static ActivityBuilder<SetVariable> SetJs(string id, string variable, string script) =>
        Bot.Activity<SetVariable>(id).Set(x => x.Variable, variable).Set(x => x.Value, InputValue.JavaScript(script));

    public static ActivityBuilder<SetVariable> SetLiquid(string id, string variable, string template) =>
        Bot.Activity<SetVariable>(id).Set(x => x.Variable, variable).Set(x => x.Value, InputValue.Liquid(template));

    public static ActivityBuilder<NoOp> NoOp(string id) => Bot.Activity<NoOp>(id);

    public static List<object?> Numbers(int count) => Enumerable.Range(0, count).Select(i => (object?)(decimal)i).ToList();

    /// <summary>0 + 1 + ... + (count - 1).</summary>
    public static decimal SumOfNumbers(int count) => (decimal)count * (count - 1) / 2;

    private static ActivityBuilder<SetVariable> Report(string variable) => SetJs("report", "result", variable);
}
