using Rpa.Engine.Journal;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>Starts the clock when the bot's rounds loop (the activity <paramref name="activityId"/>) starts, and stops it when the loop ends.</summary>
internal sealed class RoundsObserver(string activityId) : IRunObserver
{
    public RoundsClock Clock { get; } = new();

    public void ActivityStarted(JournalEntry entry)
    {
        if (entry.ActivityId == activityId) Clock.Start();
    }

    public void ActivityEnded(JournalEntry entry)
    {
        if (entry.ActivityId == activityId) Clock.Stop();
    }
}
