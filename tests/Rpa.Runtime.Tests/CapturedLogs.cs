using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Rpa.Runtime.Tests;

/// <summary>A logger provider that keeps a host's last warnings and errors, so a failed wait can say what the host said.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private const int Capacity = 300;
    private readonly ConcurrentQueue<string> _lines = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    public override string ToString()
    {
        var text = new StringBuilder();
        foreach (var line in _lines) text.AppendLine(line);
        return text.Length == 0 ? "(none)" : text.ToString();
    }

    private void Add(string line)
    {
        _lines.Enqueue(line);
        while (_lines.Count > Capacity) _lines.TryDequeue(out _);
    }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning && logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            var error = exception is null ? "" : "\n    " + exception.ToString().Replace("\n", "\n    ", StringComparison.Ordinal);
            owner.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}{error}");
        }
    }
}
