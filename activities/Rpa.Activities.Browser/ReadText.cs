using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Read text", Description = "Reads the visible text of an element.", Needs = [ActivityNeeds.Browser])]
public sealed class ReadText : ElementActivity
{
    [Output(Description = "The element's text, trimmed.")]
    public Output<string> Text { get; set; } = new();

    protected override async Task RunOnAsync(BrowserStep step, ILocator element)
    {
        var text = await element.InnerTextAsync(new LocatorInnerTextOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
        step.Context.Set(Text, text.Trim());
    }
}
