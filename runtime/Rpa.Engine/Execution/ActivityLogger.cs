using Microsoft.Extensions.Logging;

namespace Rpa.Engine.Execution;

/// <summary>A logger that adds ActivityId to every event and masks secrets in the message, its properties and its exception.</summary>
internal sealed class ActivityLogger(ILogger inner, string activityId, SecretMasker masker) : ILogger
{
    private readonly KeyValuePair<string, object?>[] _scope = [new("ActivityId", activityId)];

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (!inner.IsEnabled(logLevel)) return;
        using var _ = inner.BeginScope(_scope);
        if (masker.IsEmpty)
        {
            inner.Log(logLevel, eventId, state, exception, formatter);
            return;
        }

        // Providers such as Serilog render the message from the state's properties, not from the formatter: mask both,
        // and the exception's text (message, inner exceptions, stack) too.
        var message = masker.MaskText(formatter(state, exception));
        exception = MaskedException.Mask(exception, masker);
        IReadOnlyList<KeyValuePair<string, object?>> masked = state is IEnumerable<KeyValuePair<string, object?>> pairs
            ? pairs.Select(p => new KeyValuePair<string, object?>(p.Key, p.Key == OriginalFormat ? p.Value : masker.MaskValue(p.Value))).ToList()
            : [new(OriginalFormat, message.Replace("{", "{{", StringComparison.Ordinal).Replace("}", "}}", StringComparison.Ordinal))];
        inner.Log(logLevel, eventId, masked, exception, (_, _) => message);
    }

    private const string OriginalFormat = "{OriginalFormat}";
}
