using System.Text.Json;
using Microsoft.Playwright;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Run JavaScript in page", Description = "Runs a JavaScript function in the page (not in the bot's sandbox) with an argument, and returns its JSON-serialisable result.", Needs = [ActivityNeeds.Browser])]
public sealed class RunScript : BrowserActivity
{
    [Input(Required = true, Editor = "javascript", Description = "A function expression run in the page, e.g. `arg => document.title + arg.suffix`.")]
    public Input<string> Script { get; set; } = new();

    [Input(Description = "The argument passed to the function (any JSON value).")]
    public Input<object?> Argument { get; set; } = new(null);

    [Output(Description = "What the function returned.")]
    public Output<object?> Result { get; set; } = new();

    protected override async Task RunAsync(BrowserStep step)
    {
        var context = step.Context;
        var argument = ValueConverter.ToJson(context.Get(Argument))?.ToJsonString();
        var wrapped = $"async (json) => {{ const fn = ({context.Get(Script)}); const result = await fn(json === null ? undefined : JSON.parse(json)); return result === undefined ? null : JSON.stringify(result); }}";
        var json = await step.Page.EvaluateAsync<string?>(wrapped, argument).ConfigureAwait(false);
        context.Set(Result, json is null ? null : ValueConverter.FromJson(System.Text.Json.Nodes.JsonNode.Parse(json)));
    }
}
