using Microsoft.Extensions.Logging;

namespace Rpa.Engine.Execution;

/// <summary>A logger that adds ActivityId to every event and masks secrets in the message.</summary>
internal sealed class ActivityLogger(ILogger inner, string activityId, SecretMasker masker) : ILogger
{
    private readonly KeyValuePair<string, object?>[] _scope = [new("ActivityId", activityId)];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        using var _ = inner.BeginScope(_scope);
        inner.Log(logLevel, eventId, state, exception, masker.IsEmpty ? formatter : (s, e) => masker.MaskText(formatter(s, e)));
    }
}
