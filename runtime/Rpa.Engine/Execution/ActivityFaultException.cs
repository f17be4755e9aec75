using Rpa.Engine.Journal;

namespace Rpa.Engine.Execution;

/// <summary>An activity failed. Travels up through the composites to a TryCatch, a Retry, or the run.</summary>
public sealed class ActivityFaultException(ActivityError error, Exception? inner = null)
    : Exception(error.ToString(), inner)
{
    public ActivityError Error { get; } = error;
}
