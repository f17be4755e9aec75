using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Click", Description = "Clicks an element once it is visible, enabled and stable.", Needs = [ActivityNeeds.Browser])]
public sealed class Click : ElementActivity
{
    [Input(Description = "Double-click instead of a single click.")]
    public Input<bool> Double { get; set; } = new(false);

    protected override Task RunOnAsync(BrowserStep step, ILocator element) =>
        step.Context.Get(Double)
            ? element.DblClickAsync(new LocatorDblClickOptions { Timeout = step.TimeoutMs })
            : element.ClickAsync(new LocatorClickOptions { Timeout = step.TimeoutMs });
}
