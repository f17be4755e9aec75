using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Fill form", Description = "Fills many fields at once, found by their labels, in one round trip to the browser, and optionally clicks a submit button: the fast way to enter a row of data. Fails without filling anything when a label is missing, naming it and the labels the page has.", Needs = [ActivityNeeds.Browser])]
public sealed class FillForm : BrowserActivity
{
    [Input(Required = true, Description = "Label → value, e.g. a table row whose column names are the labels: `item`.")]
    public Input<Dictionary<string, object?>> Fields { get; set; } = new();

    [Input(Description = "Optional: field name → label, when the column names differ from the labels. Only mapped fields are filled.")]
    public Input<Dictionary<string, object?>> Mapping { get; set; } = new(new Dictionary<string, object?>());

    [Input(Description = "Optional: the text of the button to click after filling (e.g. Submit).")]
    public Input<string> Submit { get; set; } = new("");

    [Input(Description = "Labels must match exactly (case-sensitive) instead of ignoring case and a trailing ':' or '*'.")]
    public Input<bool> Exact { get; set; } = new(false);

    [Output(Description = "How many fields were filled.")]
    public Output<decimal> Filled { get; set; } = new();

    protected override async Task RunAsync(BrowserStep step)
    {
        var context = step.Context;
        var fields = context.Get(Fields);
        var mapping = context.Get(Mapping);
        var values = mapping.Count == 0
            ? fields.ToDictionary(p => p.Key, p => Text(p.Value))
            : mapping.ToDictionary(p => ValueConverter.ToText(p.Value), p => Text(fields.GetValueOrDefault(p.Key)));
        var argument = new Dictionary<string, object> { ["fields"] = values, ["submit"] = context.Get(Submit), ["exact"] = context.Get(Exact) };
        step.Target = $"the form with labels {string.Join(", ", values.Keys.Select(k => $"'{k}'"))}";

        var clock = Stopwatch.StartNew();
        while (true)
        {
            var json = await step.Page.EvaluateAsync<System.Text.Json.JsonElement>(FormScript.Fill, argument).ConfigureAwait(false);
            var result = new FillResult(JsonResults.Int(json, "filled"), JsonResults.Strings(json, "missing"), JsonResults.String(json, "submitMissing"), JsonResults.Strings(json, "labels"));
            if (result.Missing.Length == 0 && result.SubmitMissing is null)
            {
                context.Set(Filled, result.Filled);
                return;
            }

            if (clock.Elapsed.TotalMilliseconds >= step.TimeoutMs)
            {
                var problem = result.Missing.Length > 0
                    ? $"no field labelled {string.Join(", ", result.Missing.Select(m => $"'{m}'"))}"
                    : $"no button '{result.SubmitMissing}'";
                var screenshot = await BrowserFailure.ScreenshotAsync(step).ConfigureAwait(false);
                throw new ActivityException(
                    $"{problem} on {step.Page.Url} after {step.TimeoutMs / 1000:0.#} s (labels on the page: {string.Join(", ", result.Labels.Select(l => $"'{l}'"))}); nothing was filled"
                    + (screenshot is null ? "" : $"; screenshot: {screenshot}"));
            }

            await Task.Delay(100, context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateTimeOffset d when d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture),
        _ => ValueConverter.ToText(value),
    };

    private sealed record FillResult(int Filled, string[] Missing, string? SubmitMissing, string[] Labels);
}
