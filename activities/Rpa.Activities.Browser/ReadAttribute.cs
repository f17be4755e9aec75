using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Read attribute", Description = "Reads an attribute of an element, such as a link's href.", Needs = [ActivityNeeds.Browser])]
public sealed class ReadAttribute : ElementActivity
{
    [Input(Required = true, Description = "The attribute's name (href, title, data-id, ...).")]
    public Input<string> Attribute { get; set; } = new();

    [Output(Description = "The attribute's value; empty when the element does not have it.")]
    public Output<string> Value { get; set; } = new();

    protected override async Task RunOnAsync(BrowserStep step, ILocator element)
    {
        var value = await element.GetAttributeAsync(step.Context.Get(Attribute), new LocatorGetAttributeOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
        step.Context.Set(Value, value ?? "");
    }
}
