namespace Rpa.Engine.Execution;

public enum RunStatus
{
    Succeeded,
    Failed,
    Cancelled,
}
