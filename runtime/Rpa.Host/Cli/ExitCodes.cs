namespace Rpa.Host.Cli;

/// <summary>What `rpa` exits with.</summary>
public static class ExitCodes
{
    public const int Succeeded = 0;
    public const int BotFailed = 1;
    public const int Invalid = 2;

    /// <summary>The run paused (e.g. waits for an approval); `rpa approve` / `rpa reject` resumes it.</summary>
    public const int Waiting = 3;
    public const int Cancelled = 130;
}
