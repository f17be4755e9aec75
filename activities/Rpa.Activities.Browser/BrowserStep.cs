using Microsoft.Playwright;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Browser;

/// <summary>What a browser activity works with: the activity context, the run's browser, the page and its timeout.</summary>
public sealed class BrowserStep
{
    internal BrowserStep(ActivityContext context, BrowserSession session, float timeoutMs)
    {
        Context = context;
        Session = session;
        TimeoutMs = timeoutMs;
    }

    public ActivityContext Context { get; }

    public BrowserSession Session { get; }

    public IPage Page => Session.Page;

    public float TimeoutMs { get; }

    /// <summary>The element the activity works on, as a person would say it ("the field labelled 'Email'").</summary>
    public string? Target { get; internal set; }
}
