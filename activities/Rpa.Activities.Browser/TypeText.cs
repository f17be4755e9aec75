using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Type text", Description = "Types text key by key, with a delay between keys, for fields that react to each keystroke (autocomplete, masks).", Needs = [ActivityNeeds.Browser])]
public sealed class TypeText : ElementActivity
{
    [Input(Required = true, Description = "The text to type.")]
    public Input<string> Text { get; set; } = new();

    [Input(Description = "Milliseconds between keys.")]
    public Input<decimal> DelayMs { get; set; } = new(50m);

    protected override Task RunOnAsync(BrowserStep step, ILocator element) =>
        element.PressSequentiallyAsync(step.Context.Get(Text), new LocatorPressSequentiallyOptions
        {
            Delay = (float)step.Context.Get(DelayMs),
            Timeout = step.TimeoutMs,
        });
}
