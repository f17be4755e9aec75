namespace Rpa.Host.Terminal;

/// <summary>
/// Serialises writes to the terminal so log lines and the redrawn progress line never mix:
/// the status line is cleared before a log line and drawn again after it.
/// </summary>
public sealed class ConsoleGate(TextWriter output, TextWriter status, bool interactive)
{
    private readonly Lock _gate = new();
    private string _status = "";

    public bool Interactive { get; } = interactive;

    public TextWriter Output { get; } = output;

    public void WriteLine(string line)
    {
        lock (_gate)
        {
            ClearStatus();
            Output.WriteLine(line);
            DrawStatus();
        }
    }

    /// <summary>Replaces the status line (interactive terminals only).</summary>
    public void SetStatus(string text)
    {
        if (!Interactive) return;
        lock (_gate)
        {
            var width = Math.Max(20, SafeWidth() - 1);
            _status = text.Length > width ? text[..(width - 1)] + "…" : text;
            ClearStatus();
            DrawStatus();
        }
    }

    public void ClearStatusLine()
    {
        lock (_gate)
        {
            ClearStatus();
            _status = "";
        }
    }

    private void ClearStatus()
    {
        if (Interactive && _status.Length > 0) status.Write("\r\u001b[K");
    }

    private void DrawStatus()
    {
        if (Interactive && _status.Length > 0)
        {
            status.Write(_status);
            status.Flush();
        }
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 100;
        }
        catch (IOException)
        {
            return 100;
        }
    }
}
