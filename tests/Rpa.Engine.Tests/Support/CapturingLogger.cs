using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Rpa.Engine.Tests.Support;

/// <summary>An <see cref="ILogger"/> that keeps every event's level and formatted message.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _events = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Events => _events.ToArray();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _events.Enqueue((logLevel, formatter(state, exception)));
}
