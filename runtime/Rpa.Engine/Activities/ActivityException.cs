namespace Rpa.Engine.Activities;

/// <summary>
/// An activity cannot do its work for a reason a person can act on (a missing column, an unreachable page).
/// The message is shown as it is, prefixed with the bot and the activity.
/// </summary>
public class ActivityException : Exception
{
    public ActivityException(string message)
        : base(message)
    {
    }

    public ActivityException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
