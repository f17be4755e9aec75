using Rpa.Activities.Browser;
using Rpa.Activities.Data;
using Rpa.Engine.Activities.ControlFlow;
using Rpa.Engine.Building;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>
/// The two challenge bots of the browser scenario, written with the C# builder in the shape of bots/input-forms-challenge:
/// read the CSV, open the page, click Start, then a ForEach over the rows (<see cref="RoundsId"/>, the part that is timed),
/// then wait for the result and read its data-correct, data-total and data-milliseconds attributes into the outputs.
/// </summary>
internal static class ChallengeBots
{
    /// <summary>The id of the ForEach over the rows: the rounds, timed by <see cref="RoundsObserver"/>.</summary>
    public const string RoundsId = "rounds";

    /// <summary>The seven labels of the challenge's fields, which are also the CSV's column names.</summary>
    public static readonly string[] Labels = ["First Name", "Last Name", "Company Name", "Role in Company", "Address", "Email", "Phone Number"];

    /// <summary>(b) One activity per field: per round, 7 × Fill (by label) and a Click on Submit.</summary>
    public static BotDefinition PerField() => Challenge("challenge-per-field",
        Bot.Sequence("round",
        [
            .. Labels.Select((label, i) => Bot.Activity<Fill>($"fill-{i + 1}")
                .Set(x => x.Target, label)
                .Set(x => x.Value, InputValue.JavaScript($"row['{label}']"))),
            Bot.Activity<Click>("submit").Set(x => x.By, "Role").Set(x => x.Target, "button").Set(x => x.Name, "Submit").Set(x => x.Exact, true),
        ]));

    /// <summary>(c) The form-level activity: per round, one Fill form with the row and submit = Submit (as bots/input-forms-challenge).</summary>
    public static BotDefinition FormLevel() => Challenge("challenge-fill-form",
        Bot.Activity<FillForm>("fill-round").Set(x => x.Fields, InputValue.JavaScript("row")).Set(x => x.Submit, "Submit"));

    private static BotDefinition Challenge(string name, IActivityBuilder round) =>
        Bot.Define(name)
            .Input("url", DataType.Text, required: true)
            .Input("data", DataType.Text, required: true)
            .Variable("rows", DataType.Table)
            .Output("correct", DataType.Text)
            .Output("total", DataType.Text)
            .Output("milliseconds", DataType.Text)
            .Root(Bot.Sequence("main",
                Bot.Activity<ReadCsv>("read-data").Set(x => x.Path, InputValue.JavaScript("data")).Output(x => x.Table, "rows"),
                Bot.Activity<OpenBrowser>("open").Set(x => x.Url, InputValue.JavaScript("url")),
                Bot.Activity<Click>("start").Set(x => x.By, "Role").Set(x => x.Target, "button").Set(x => x.Name, "Start").Set(x => x.Exact, true),
                Bot.Activity<ForEach>(RoundsId).Set(x => x.Items, InputValue.JavaScript("rows")).Set(x => x.ItemVariable, "row").Child(x => x.Body, round),
                Bot.Activity<WaitForElement>("wait-result").Set(x => x.By, "TestId").Set(x => x.Target, "result"),
                ReadResult("read-correct", "data-correct", "correct"),
                ReadResult("read-total", "data-total", "total"),
                ReadResult("read-milliseconds", "data-milliseconds", "milliseconds")))
            .Build();

    private static ActivityBuilder<ReadAttribute> ReadResult(string id, string attribute, string output) =>
        Bot.Activity<ReadAttribute>(id).Set(x => x.By, "TestId").Set(x => x.Target, "result").Set(x => x.Attribute, attribute).Output(x => x.Value, output);
}
