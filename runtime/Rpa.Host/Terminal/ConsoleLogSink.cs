using System.Globalization;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Rpa.Host.Terminal;

/// <summary>
/// Writes what a bot says as short lines ("[12:00:01 INF] greet: Hello") through the <see cref="ConsoleGate"/>:
/// events of activities, and warnings and errors of the runtime; the rest goes only to the log file.
/// </summary>
public sealed class ConsoleLogSink(ConsoleGate gate) : ILogEventSink
{
    private static readonly MessageTemplateTextFormatter Message = new("{Message:lj}", CultureInfo.InvariantCulture);

    public void Emit(LogEvent logEvent)
    {
        var hasActivity = logEvent.Properties.TryGetValue("ActivityId", out var id) && id is ScalarValue { Value: string };
        if (!hasActivity && logEvent.Level < LogEventLevel.Warning) return;

        var level = logEvent.Level switch
        {
            LogEventLevel.Verbose => "VRB",
            LogEventLevel.Debug => "DBG",
            LogEventLevel.Information => "INF",
            LogEventLevel.Warning => "WRN",
            LogEventLevel.Error => "ERR",
            _ => "FTL",
        };
        var activity = hasActivity ? $"{((ScalarValue)id!).Value}: " : "";
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        Message.Format(logEvent, text);
        gate.WriteLine($"[{logEvent.Timestamp.ToLocalTime():HH:mm:ss} {level}] {activity}{text}");
    }
}
