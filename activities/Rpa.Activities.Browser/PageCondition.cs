namespace Rpa.Activities.Browser;

/// <summary>What Wait for page waits for.</summary>
public enum PageCondition
{
    /// <summary>The page shows the text somewhere.</summary>
    Text,

    /// <summary>The address matches (a glob such as **/customers/* or the full URL).</summary>
    Url,

    /// <summary>No network requests for 500 ms.</summary>
    NetworkIdle,

    /// <summary>The load event fired.</summary>
    Load,
}
