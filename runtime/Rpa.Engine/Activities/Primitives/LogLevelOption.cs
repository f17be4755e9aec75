namespace Rpa.Engine.Activities.Primitives;

/// <summary>The levels a bot can log at.</summary>
public enum LogLevelOption
{
    Debug,
    Information,
    Warning,
    Error,
}
