using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rpa.Host.Server;

namespace Rpa.Runtime.Tests;

/// <summary>
/// `rpa serve` in memory (TestServer), with the services and pipeline the real host uses: on a SQLite file in
/// <see cref="DataDirectory"/> and Hangfire in memory, or, given <paramref name="postgres"/>, with the store and Hangfire
/// on that PostgreSQL database. A second factory on the same folder (or database) is a restart.
/// </summary>
public sealed class RuntimeFactory(string dataDirectory, string? botsDirectory = null, bool reconcile = true, string? postgres = null)
    : WebApplicationFactory<RpaServer>
{
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The PostgreSQL connection string, or null for SQLite.</summary>
    public string? Postgres { get; } = postgres;

    /// <summary>The repository's bots/ folder (hello, sales-report, ...).</summary>
    public static string SampleBots => Path.Combine(RepositoryRoot, "bots");

    public static string RepositoryRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Rpa.sln"))) return dir.FullName;
            }

            throw new DirectoryNotFoundException("Rpa.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string NewDataDirectory() => Directory.CreateTempSubdirectory("rpa-runtime-tests-").FullName;

    protected override IHostBuilder CreateHostBuilder() =>
        new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Rpa:DataDirectory"] = DataDirectory,
                ["Rpa:Store"] = Postgres is null ? "Sqlite" : "Postgres",
                ["Rpa:ConnectionString"] = Postgres,
                ["Rpa:BotsDirectory"] = botsDirectory ?? "",
                ["Rpa:ReconcileOnStart"] = reconcile ? "true" : "false",
                ["Rpa:CancelPollInterval"] = "00:00:00.200",
                ["Rpa:JournalFlushInterval"] = "00:00:00.050",
                ["Rpa:ShutdownTimeout"] = "00:00:01",
                ["Rpa:Serve:PracticeApps"] = "false",
            }))
            .ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning))
            .ConfigureWebHost(web => web
                .ConfigureServices(services => RpaServer.AddServer(services))
                .Configure(app => RpaServer.UseServer(app)));
}
