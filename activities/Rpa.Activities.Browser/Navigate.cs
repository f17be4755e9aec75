using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Navigate", Description = "Goes to a URL in the current page and waits for it to load. An unreachable address or an HTTP error fails with the reason.", Needs = [ActivityNeeds.Browser])]
public sealed class Navigate : BrowserActivity
{
    [Input(Required = true, Description = "The address to go to.")]
    public Input<string> Url { get; set; } = new();

    [Input(Description = "When the page counts as loaded: Load, DomContentLoaded, NetworkIdle or Commit.")]
    public Input<WaitUntilState> WaitUntil { get; set; } = new(WaitUntilState.Load);

    protected override Task RunAsync(BrowserStep step) =>
        PageNavigation.GoToAsync(step.Context, step.Session, step.Context.Get(Url), (decimal)step.TimeoutMs / 1000, step.Context.Get(WaitUntil));
}
