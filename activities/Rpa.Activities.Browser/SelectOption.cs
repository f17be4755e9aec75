using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Select option", Description = "Chooses an option of a drop-down (<select>) by its value or visible text.", Needs = [ActivityNeeds.Browser])]
public sealed class SelectOption : ElementActivity
{
    private const string FindOption =
        "(el, wanted) => { const options = Array.from(el.options || []); " +
        "const hit = options.find(o => o.value === wanted) || options.find(o => o.text.trim() === wanted); " +
        "return { value: hit ? hit.value : null, options: options.map(o => o.text.trim()) }; }";

    [Input(Required = true, Description = "The option's value or visible text.")]
    public Input<string> Option { get; set; } = new();

    protected override async Task RunOnAsync(BrowserStep step, ILocator element)
    {
        var wanted = step.Context.Get(Option);
        var json = await element.EvaluateAsync<System.Text.Json.JsonElement>(FindOption, wanted, new LocatorEvaluateOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
        var found = new OptionLookup(JsonResults.String(json, "value"), JsonResults.Strings(json, "options"));
        if (found.Value is null)
        {
            throw new ActivityException($"{step.Target} has no option '{wanted}' (options: {string.Join(", ", found.Options.Select(o => $"'{o}'"))})");
        }

        await element.SelectOptionAsync(found.Value, new LocatorSelectOptionOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
    }

    private sealed record OptionLookup(string? Value, string[] Options);
}
