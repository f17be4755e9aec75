namespace Rpa.Engine.Activities.ControlFlow;

/// <summary>How the wait between retries grows.</summary>
public enum Backoff
{
    Constant,
    Linear,
    Exponential,
}
