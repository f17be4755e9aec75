using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Fill", Description = "Replaces the value of a text field (by default found by its label).", Needs = [ActivityNeeds.Browser])]
public sealed class Fill : ElementActivity
{
    [Input(Description = "The text to put in the field.")]
    public Input<string> Value { get; set; } = new("");

    protected override Task RunOnAsync(BrowserStep step, ILocator element) =>
        element.FillAsync(step.Context.Get(Value), new LocatorFillOptions { Timeout = step.TimeoutMs });
}
