using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Rpa.Host.Cli;
using Serilog;
using Serilog.Events;

namespace Rpa.Host.Server;

/// <summary>Serilog for `rpa serve` and `rpa worker`: the console, and every event with RunId, Bot and ActivityId in data/logs/rpa-.log.</summary>
internal static class ServerLogging
{
    public static void Use(ILoggingBuilder logging, IConfiguration configuration, bool console = true)
    {
        var data = Path.GetFullPath(configuration["Rpa:DataDirectory"] is { Length: > 0 } d ? d
            : Environment.GetEnvironmentVariable("RPA_DATA") is { Length: > 0 } e ? e : "data");
        var serilog = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .MinimumLevel.Override("Hangfire", LogEventLevel.Warning)
            .Enrich.FromLogContext()
            .WriteTo.File(
                Path.Combine(data, "logs", "rpa-.log"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                outputTemplate: RunLogging.FileTemplate,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (console)
        {
            serilog = serilog.WriteTo.Console(
                outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}",
                formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        }

        logging.ClearProviders();
        logging.AddSerilog(serilog.CreateLogger(), dispose: true);
    }
}
