namespace Rpa.Engine.Execution;

public enum RunStatus
{
    Succeeded,
    Failed,
    Cancelled,

    /// <summary>Paused at a bookmark (an approval); resumes with <see cref="BotRunner.ResumeAsync"/>.</summary>
    Waiting,
}
