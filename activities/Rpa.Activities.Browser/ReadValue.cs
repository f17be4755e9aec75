using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Read value", Description = "Reads the current value of an input, text area or drop-down.", Needs = [ActivityNeeds.Browser])]
public sealed class ReadValue : ElementActivity
{
    [Output(Description = "The field's value.")]
    public Output<string> Value { get; set; } = new();

    protected override async Task RunOnAsync(BrowserStep step, ILocator element)
    {
        var value = await element.InputValueAsync(new LocatorInputValueOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
        step.Context.Set(Value, value);
    }
}
