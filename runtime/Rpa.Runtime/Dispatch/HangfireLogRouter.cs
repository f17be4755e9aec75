using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Rpa.Runtime.Dispatch;

/// <summary>
/// Hangfire's log provider for the whole process. Hangfire keeps one static log provider, and Hangfire.AspNetCore points
/// it at the <see cref="ILoggerFactory"/> of whichever host resolved Hangfire's configuration last. With more than one
/// host in a process (the tests; a host built, stopped and built again) that factory can already be disposed, and then
/// every Hangfire component created afterwards throws <see cref="ObjectDisposedException"/> while creating its logger:
/// notably the BackgroundJobServer, which Hangfire.AspNetCore creates when the host has started — there the exception is
/// swallowed by the host lifetime, and the host runs no job at all. This provider routes Hangfire's logs to the most
/// recently attached host that is still alive (with one host per process: that host), and never throws.
/// </summary>
internal sealed class HangfireLogRouter : ILogProvider
{
    private readonly Lock _gate = new();
    private Attachment[] _attached = [];

    private HangfireLogRouter()
    {
    }

    public static HangfireLogRouter Instance { get; } = new();

    /// <summary>Hangfire's logs go to <paramref name="loggers"/> until the result is disposed (or a later host attaches).</summary>
    public IDisposable Attach(ILoggerFactory loggers)
    {
        var attachment = new Attachment(this, loggers);
        lock (_gate)
        {
            _attached = [.. _attached, attachment];
        }

        return attachment;
    }

    public ILog GetLogger(string name) => new RoutedLog(this, name);

    private ILoggerFactory? Current => Volatile.Read(ref _attached) is { Length: > 0 } attached ? attached[^1].Loggers : null;

    private void Detach(Attachment attachment)
    {
        lock (_gate)
        {
            _attached = [.. _attached.Where(a => !ReferenceEquals(a, attachment))];
        }
    }

    private sealed class Attachment(HangfireLogRouter router, ILoggerFactory loggers) : IDisposable
    {
        public ILoggerFactory Loggers { get; } = loggers;

        public void Dispose() => router.Detach(this);
    }

    /// <summary>One Hangfire logger: resolves the current host's logger on each call (cheap: cached until the host changes).</summary>
    private sealed class RoutedLog(HangfireLogRouter router, string name) : ILog
    {
        private Target? _target;

        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                var logger = Resolve();
                if (logger is null) return false;
                var level = ToLogLevel(logLevel);
                if (messageFunc is null) return logger.IsEnabled(level);
                if (!logger.IsEnabled(level)) return false;
                logger.Log(level, 0, messageFunc(), exception, static (message, _) => message);
                return true;
            }
            catch (ObjectDisposedException)
            {
                // The host went away between resolving its logger and writing: the message has nowhere to go.
                return false;
            }
        }

        private ILogger? Resolve()
        {
            var loggers = router.Current;
            if (loggers is null) return null;
            var target = Volatile.Read(ref _target);
            if (target is not null && ReferenceEquals(target.Loggers, loggers)) return target.Logger;
            target = new Target(loggers, loggers.CreateLogger(name));
            Volatile.Write(ref _target, target);
            return target.Logger;
        }

        private static LogLevel ToLogLevel(HangfireLevel level) => level switch
        {
            HangfireLevel.Trace => LogLevel.Trace,
            HangfireLevel.Debug => LogLevel.Debug,
            HangfireLevel.Info => LogLevel.Information,
            HangfireLevel.Warn => LogLevel.Warning,
            HangfireLevel.Error => LogLevel.Error,
            _ => LogLevel.Critical,
        };

        private sealed record Target(ILoggerFactory Loggers, ILogger Logger);
    }
}
