using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Wait for page", Description = "Waits until the page shows a text, reaches a URL (its document parsed), goes network-idle or finishes loading (images and styles included).", Needs = [ActivityNeeds.Browser])]
public sealed class WaitForPage : BrowserActivity
{
    [Input(Description = "Text, Url, NetworkIdle or Load.")]
    public Input<PageCondition> Condition { get; set; } = new(PageCondition.Text);

    [Input(Description = "The text to wait for, or the URL / glob pattern (e.g. **/customers) to reach.")]
    public Input<string> Value { get; set; } = new("");

    protected override async Task RunAsync(BrowserStep step)
    {
        var condition = step.Context.Get(Condition);
        var value = step.Context.Get(Value);
        switch (condition)
        {
            case PageCondition.Text:
                if (value.Length == 0) throw new ActivityException("waiting for text needs the text in 'value'");
                step.Target = $"the text '{value}'";
                await step.Page.GetByText(value).First.WaitForAsync(new LocatorWaitForOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
                break;
            case PageCondition.Url:
                if (value.Length == 0) throw new ActivityException("waiting for a URL needs the URL or pattern in 'value'");
                step.Target = $"the address '{value}'";
                // Reached once the address matches and its document is parsed; waiting for the load event as well (Playwright's
                // default) failed on a busy machine with the page already there and titled, its images or styles still coming.
                // Later steps wait for the elements they need; the Load condition waits for everything.
                await step.Page.WaitForURLAsync(value, new PageWaitForURLOptions { Timeout = step.TimeoutMs, WaitUntil = WaitUntilState.DOMContentLoaded }).ConfigureAwait(false);
                break;
            case PageCondition.NetworkIdle:
                await step.Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
                break;
            default:
                await step.Page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
                break;
        }
    }
}
