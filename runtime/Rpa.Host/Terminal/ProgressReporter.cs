using Rpa.Engine.Journal;

namespace Rpa.Host.Terminal;

/// <summary>
/// Shows how a run is going: steps done, the current activity, items processed by the innermost loop.
/// Redrawn in place on a terminal; a plain line every few seconds otherwise. Never writes per activity.
/// </summary>
public sealed class ProgressReporter : IRunObserver, IDisposable
{
    private readonly ConsoleGate _gate;
    private readonly Timer _timer;
    private readonly Lock _state = new();
    private readonly Dictionary<long, JournalEntry> _loops = [];
    private long _done;
    private JournalEntry? _current;
    private JournalEntry? _loop;
    private int _loopItem;
    private int _frame;
    private string _lastPlain = "";

    public ProgressReporter(ConsoleGate gate)
    {
        _gate = gate;
        var period = gate.Interactive ? TimeSpan.FromMilliseconds(120) : TimeSpan.FromSeconds(3);
        _timer = new Timer(_ => Render(), null, period, period);
    }

    public long StepsDone => Interlocked.Read(ref _done);

    public void ActivityStarted(JournalEntry entry)
    {
        lock (_state)
        {
            _current = entry;
            if (entry.ActivityType == "ForEach") _loops[entry.Sequence] = entry;
            if (entry.ParentSequence is { } parent && entry.Iteration is { } index && _loops.TryGetValue(parent, out var loop))
            {
                _loop = loop;
                _loopItem = index + 1;
            }
        }
    }

    public void ActivityEnded(JournalEntry entry)
    {
        Interlocked.Increment(ref _done);
        lock (_state)
        {
            if (_loops.Remove(entry.Sequence) && ReferenceEquals(_loop, entry)) _loop = null;
        }
    }

    private void Render()
    {
        string text;
        lock (_state)
        {
            if (_current is null) return;
            var items = _loop is null ? "" : $" · items {_loopItem:N0}{Total(_loop)} ({_loop.ActivityId})";
            text = $"{StepsDone:N0} steps · current: {_current.Path} ({_current.ActivityType}){items}";
        }

        if (_gate.Interactive)
        {
            var spinner = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"[_frame++ % 10];
            _gate.SetStatus($"{spinner} {text}");
        }
        else if (text != _lastPlain)
        {
            _lastPlain = text;
            _gate.WriteLine($"progress: {text}");
        }
    }

    private static string Total(JournalEntry loop)
    {
        lock (loop)
        {
            return loop.Inputs?.GetValueOrDefault("items") is System.Collections.ICollection c ? $"/{c.Count:N0}" : "";
        }
    }

    public void Dispose()
    {
        _timer.Dispose();
        _gate.ClearStatusLine();
    }
}
