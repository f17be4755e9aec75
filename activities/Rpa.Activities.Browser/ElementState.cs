namespace Rpa.Activities.Browser;

/// <summary>What Wait for element waits for.</summary>
public enum ElementState
{
    Visible,
    Hidden,
    Attached,
    Detached,
}
