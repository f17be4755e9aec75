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
                await WaitForAddressAsync(step, new UrlPattern(value)).ConfigureAwait(false);
                break;
            case PageCondition.NetworkIdle:
                await step.Page.WaitForLoadStateAsync(LoadState.NetworkIdle, new PageWaitForLoadStateOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
                break;
            default:
                await step.Page.WaitForLoadStateAsync(LoadState.Load, new PageWaitForLoadStateOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
                break;
        }
    }

    /// <summary>
    /// Reached once the page's address matches and its document is parsed. The page is asked every 50 ms: Playwright's
    /// WaitForURL waits for a navigation event, and one that arrived between its look at the address and its subscription
    /// was missed (on a busy machine the wait then timed out with the page already there and titled). The Load condition
    /// waits for images and styles as well; later steps wait for the elements they need.
    /// </summary>
    private static async Task WaitForAddressAsync(BrowserStep step, UrlPattern pattern)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            step.Context.CancellationToken.ThrowIfCancellationRequested();
            if (pattern.Matches(step.Page.Url) && await IsParsedAsync(step.Page).ConfigureAwait(false)) return;
            if (clock.ElapsedMilliseconds > step.TimeoutMs) throw new TimeoutException($"Timeout {step.TimeoutMs:0}ms exceeded waiting for the address {pattern.Pattern}");
            await Task.Delay(50, step.Context.CancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<bool> IsParsedAsync(IPage page)
    {
        try
        {
            return await page.EvaluateAsync<string>("() => document.readyState").ConfigureAwait(false) != "loading";
        }
        catch (PlaywrightException)
        {
            return false; // The document went away: the page is navigating.
        }
    }
}
