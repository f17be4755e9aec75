namespace Rpa.Engine.Execution;

/// <summary>Unwinds a run to the runner when an activity creates a bookmark: the run is paused, not failed.</summary>
internal sealed class RunSuspendedException(Bookmark bookmark, string key)
    : Exception($"The run waits at activity '{bookmark.ActivityId}' for {bookmark.Name}.")
{
    public Bookmark Bookmark { get; } = bookmark;

    /// <summary>The replay key of the waiting activity: its path and how many times it ran before.</summary>
    public string Key { get; } = key;
}
