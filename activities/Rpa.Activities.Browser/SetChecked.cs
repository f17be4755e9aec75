using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Check / uncheck", Description = "Ticks or clears a checkbox or radio button.", Needs = [ActivityNeeds.Browser])]
public sealed class SetChecked : ElementActivity
{
    [Input(Description = "True to tick, false to clear.")]
    public Input<bool> Checked { get; set; } = new(true);

    protected override Task RunOnAsync(BrowserStep step, ILocator element) =>
        element.SetCheckedAsync(step.Context.Get(Checked), new LocatorSetCheckedOptions { Timeout = step.TimeoutMs });
}
