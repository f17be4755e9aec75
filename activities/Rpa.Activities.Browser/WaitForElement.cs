using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Wait for element", Description = "Waits until an element is visible (or hidden, attached, detached).", Needs = [ActivityNeeds.Browser])]
public sealed class WaitForElement : ElementActivity
{
    [Input(Description = "Visible, Hidden, Attached or Detached.")]
    public Input<ElementState> State { get; set; } = new(ElementState.Visible);

    protected override Task RunOnAsync(BrowserStep step, ILocator element) =>
        element.First.WaitForAsync(new LocatorWaitForOptions
        {
            Timeout = step.TimeoutMs,
            State = step.Context.Get(State) switch
            {
                ElementState.Hidden => WaitForSelectorState.Hidden,
                ElementState.Attached => WaitForSelectorState.Attached,
                ElementState.Detached => WaitForSelectorState.Detached,
                _ => WaitForSelectorState.Visible,
            },
        });
}
