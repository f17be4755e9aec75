using Microsoft.Extensions.Logging;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// The logger a run gets: every event goes to the host's logging (Serilog: console, file, with RunId) and is also
/// kept for the run's logs in the store, with the activity that logged it.
/// </summary>
internal sealed class RunLogger(ILogger inner, RunRecorder recorder, TimeProvider time) : ILogger
{
    private static readonly AsyncLocal<string?> CurrentActivity = new();

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull
    {
        var scope = inner.BeginScope(state);
        if (state is IEnumerable<KeyValuePair<string, object?>> values
            && values.FirstOrDefault(v => v.Key == "ActivityId").Value is string activityId)
        {
            var previous = CurrentActivity.Value;
            CurrentActivity.Value = activityId;
            return new ActivityScope(scope, previous);
        }

        return scope;
    }

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information || inner.IsEnabled(logLevel);

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        inner.Log(logLevel, eventId, state, exception, formatter);
        if (logLevel >= LogLevel.Information)
        {
            recorder.AddLog(time.GetUtcNow().UtcDateTime, logLevel, CurrentActivity.Value, formatter(state, exception), exception);
        }
    }

    private sealed class ActivityScope(IDisposable? inner, string? previous) : IDisposable
    {
        public void Dispose()
        {
            CurrentActivity.Value = previous;
            inner?.Dispose();
        }
    }
}
