using Microsoft.Extensions.Logging;
using Rpa.Host.Terminal;
using Serilog;
using Serilog.Events;
using Serilog.Extensions.Logging;

namespace Rpa.Host.Cli;

/// <summary>Serilog for the command line: short lines on the console, everything with RunId, Bot and ActivityId in a rolling file.</summary>
public static class RunLogging
{
    public const string FileTemplate =
        "{Timestamp:yyyy-MM-ddTHH:mm:ss.fffzzz} [{Level:u3}] run={RunId} bot={Bot} activity={ActivityId} {Message:lj}{NewLine}{Exception}";

    public static (ILoggerFactory Factory, Serilog.Core.Logger Logger) Create(ConsoleGate? console, string logDirectory, LogEventLevel consoleLevel = LogEventLevel.Information)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Debug()
            .Enrich.FromLogContext()
            .WriteTo.File(
                Path.Combine(logDirectory, "rpa-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                outputTemplate: FileTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (console is not null) configuration = configuration.WriteTo.Sink(new ConsoleLogSink(console), consoleLevel);
        var logger = configuration.CreateLogger();
        return (new SerilogLoggerFactory(logger, dispose: false), logger);
    }
}
