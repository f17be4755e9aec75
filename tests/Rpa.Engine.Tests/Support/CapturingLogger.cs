using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Rpa.Engine.Tests.Support;

/// <summary>An <see cref="ILogger"/> that keeps every event's level and formatted message.</summary>
public sealed class CapturingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Message)> _events = new();

    private readonly ConcurrentQueue<string> _exceptions = new();

    public IReadOnlyList<(LogLevel Level, string Message)> Events => _events.ToArray();

    /// <summary>The text of every exception handed to the logger, as a provider would write it.</summary>
    public IReadOnlyList<string> Exceptions => _exceptions.ToArray();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        _events.Enqueue((logLevel, formatter(state, exception)));
        if (exception is not null) _exceptions.Enqueue(exception.ToString());
    }
}
