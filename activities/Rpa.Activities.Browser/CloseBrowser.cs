using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Close browser", Description = "Closes the run's browser context and its pages. (The run closes it anyway when it ends.)", Needs = [ActivityNeeds.Browser])]
public sealed class CloseBrowser : Activity
{
    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var session = context.Run.Resources.Find<BrowserSession>();
        if (session is null) return;
        context.Run.Resources.Remove<BrowserSession>();
        await session.DisposeAsync().ConfigureAwait(false);
    }
}
