using Microsoft.Extensions.Hosting;

namespace Rpa.Runtime.Store;

/// <summary>Brings the store's schema up to date before anything else starts.</summary>
public sealed class StoreMigrator(IRunStore store) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => store.MigrateAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
