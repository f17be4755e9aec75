using Microsoft.Extensions.Hosting;
using Rpa.Host.Server;

namespace Rpa.Runtime.Tests.Postgres;

/// <summary>
/// Hosts of a scale-out test on one PostgreSQL database, in this process: what `rpa worker --queues default` builds (2 slots
/// each, data folders under one temp folder), plus any other host the test adds (a queuer). Stopped, disposed and their
/// folder removed together.
/// </summary>
internal sealed class WorkerHosts : IAsyncDisposable
{
    private readonly List<IHost> _hosts = [];

    public string DataDirectory { get; } = RuntimeFactory.NewDataDirectory();

    /// <summary>A worker host named <paramref name="name"/>; <paramref name="settings"/> add or override `--Rpa:…` settings.</summary>
    public IHost BuildWorker(string database, string name, params string[] settings)
    {
        var host = WorkerCommand.Build(
            [
                "--Rpa:Store=Postgres",
                $"--Rpa:ConnectionString={database}",
                $"--Rpa:DataDirectory={Path.Combine(DataDirectory, name)}",
                "--Rpa:BotsDirectory=",
                "--Rpa:WorkerCount=2",
                "--Rpa:ReconcileOnStart=false",
                "--Rpa:ShutdownTimeout=00:00:02",
                .. settings,
            ],
            ["default"]);
        return Add(host);
    }

    /// <summary>Keeps a host the test built itself, so it is stopped with the others.</summary>
    public IHost Add(IHost host)
    {
        _hosts.Add(host);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in _hosts)
        {
            try
            {
                await host.StopAsync(TimeSpan.FromSeconds(5));
            }
            finally
            {
                host.Dispose();
            }
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
