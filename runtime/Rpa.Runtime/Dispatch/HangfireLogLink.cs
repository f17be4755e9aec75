using Microsoft.Extensions.Logging;

namespace Rpa.Runtime.Dispatch;

/// <summary>A host's attachment to <see cref="HangfireLogRouter"/>: made when the host configures Hangfire, undone when the host is disposed.</summary>
internal sealed class HangfireLogLink(ILoggerFactory loggers) : IDisposable
{
    private readonly IDisposable _attachment = HangfireLogRouter.Instance.Attach(loggers);

    public void Dispose() => _attachment.Dispose();
}
