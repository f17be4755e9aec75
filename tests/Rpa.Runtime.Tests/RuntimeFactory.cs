using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text;
using Hangfire;
using Hangfire.Common;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Rpa.Host.Api.Security;
using Rpa.Host.Server;
using Rpa.Runtime.Security;

namespace Rpa.Runtime.Tests;

/// <summary>
/// `rpa serve` in memory (TestServer), with the services and pipeline the real host uses: on a SQLite file in
/// <see cref="DataDirectory"/> and Hangfire in memory, or, given <paramref name="postgres"/>, with the store and Hangfire
/// on that PostgreSQL database. A second factory on the same folder (or database) is a restart.
/// </summary>
public sealed class RuntimeFactory(
    string dataDirectory, string? botsDirectory = null, bool reconcile = true, string? postgres = null, Action<IServiceCollection>? services = null,
    IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<RpaServer>
{
    private static readonly ConditionalWeakTable<HttpClient, RuntimeFactory> Owners = new();

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The PostgreSQL connection string, or null for SQLite.</summary>
    public string? Postgres { get; } = postgres;

    /// <summary>The host's warnings and errors (the tests' hosts log nowhere else).</summary>
    public CapturedLogs Logs { get; } = new();

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
                ["Rpa:RunHeartbeatInterval"] = "00:00:00.200",
                ["Rpa:RunLeaseTimeout"] = "00:00:10",
                ["Rpa:QueueSweepInterval"] = "00:00:00.200",
                ["Rpa:Serve:PracticeApps"] = "false",
            }).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()))
            .ConfigureLogging(logging => logging.ClearProviders().SetMinimumLevel(LogLevel.Warning).AddProvider(Logs))
            .ConfigureWebHost(web => web
                .ConfigureServices(collection =>
                {
                    RpaServer.AddServer(collection);
                    services?.Invoke(collection);
                })
                .Configure(app => RpaServer.UseServer(app)));

    /// <summary>
    /// An HttpClient that authenticates for real with a new API key of <paramref name="role"/> (Authorization: Bearer rpa_…).
    /// Every API test uses this (there is no way around authorization): <c>factory.CreateClientAs(RpaRole.Operator)</c>.
    /// </summary>
    public HttpClient CreateClientAs(RpaRole role)
    {
        var client = CreateClient();
        var store = Services.GetRequiredService<SecurityStore>();
        var (_, key) = KeysApi.CreateKeyAsync(store, $"test-{role.ToString().ToLowerInvariant()}", role, days: 1, createdBy: "tests", CancellationToken.None).GetAwaiter().GetResult();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>
    /// An HttpClient signed in with a sign-in cookie as a new user of <paramref name="role"/> (password set through a
    /// one-time link, then POST /api/auth/sign-in), as a browser would be.
    /// </summary>
    public async Task<HttpClient> CreateSignedInClientAsync(RpaRole role, string? userName = null, string password = "correct-horse-battery")
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var store = Services.GetRequiredService<SecurityStore>();
        userName ??= $"{role.ToString().ToLowerInvariant()}-{Guid.NewGuid():N}"[..20];
        var user = await store.CreateUserAsync(userName, role.ToString(), CancellationToken.None) ?? throw new InvalidOperationException($"user {userName} exists");
        var token = await store.CreateSignInLinkAsync(user.Id, TimeSpan.FromHours(1), CancellationToken.None);
        var set = await client.PostAsJsonAsync($"/api/auth/link/{token}", new { password });
        set.EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>What the factory that made <paramref name="client"/> knows about the run's dispatch (for a timeout's message).</summary>
    public static string Explain(HttpClient client, Guid runId) => Owners.TryGetValue(client, out var factory) ? factory.Explain(runId) : "";

    /// <summary>The warnings and errors of the host of the factory that made <paramref name="client"/>.</summary>
    public static string LogsOf(HttpClient client) => Owners.TryGetValue(client, out var factory) ? factory.Logs.ToString() : "";

    /// <summary>Hangfire's servers and counts, the run's jobs with their state history (and errors), and the host's warnings and errors.</summary>
    public string Explain(Guid runId)
    {
        var text = new StringBuilder();
        try
        {
            var monitoring = Services.GetRequiredService<JobStorage>().GetMonitoringApi();
            var stats = monitoring.GetStatistics();
            text.AppendLine($"Hangfire: {stats.Servers} server(s); enqueued {stats.Enqueued}, processing {stats.Processing}, scheduled {stats.Scheduled}, succeeded {stats.Succeeded}, failed {stats.Failed}");
            foreach (var server in monitoring.Servers())
            {
                text.AppendLine($"  server {server.Name}: queues {string.Join(",", server.Queues)}, {server.WorkersCount} workers, heartbeat {server.Heartbeat:O}");
            }

            var jobs = new List<string>();
            foreach (var queue in monitoring.Queues()) jobs.AddRange(monitoring.EnqueuedJobs(queue.Name, 0, 1000).Where(j => Carries(j.Value?.Job, runId)).Select(j => j.Key));
            jobs.AddRange(monitoring.ProcessingJobs(0, 1000).Where(j => Carries(j.Value?.Job, runId)).Select(j => j.Key));
            jobs.AddRange(monitoring.ScheduledJobs(0, 1000).Where(j => Carries(j.Value?.Job, runId)).Select(j => j.Key));
            jobs.AddRange(monitoring.SucceededJobs(0, 1000).Where(j => Carries(j.Value?.Job, runId)).Select(j => j.Key));
            jobs.AddRange(monitoring.FailedJobs(0, 1000).Where(j => Carries(j.Value?.Job, runId)).Select(j => j.Key));
            if (jobs.Count == 0) text.AppendLine($"  no Hangfire job carries run {runId}");
            foreach (var id in jobs.Distinct())
            {
                var history = monitoring.JobDetails(id)?.History ?? [];
                text.AppendLine($"  job {id} of run {runId}, newest state first: " + string.Join(" | ", history.Select(h =>
                {
                    var error = h.Data is not null && h.Data.TryGetValue("ExceptionMessage", out var message)
                        ? $": {(h.Data.TryGetValue("ExceptionType", out var type) ? type : "")}: {message}"
                        : "";
                    return $"{h.StateName} at {h.CreatedAt:HH:mm:ss.fff}{(h.Reason is null ? "" : $" ({h.Reason})")}{error}";
                })));
            }
        }
        catch (Exception e)
        {
            text.AppendLine($"Hangfire's state could not be read: {e.GetType().Name}: {e.Message}");
        }

        text.AppendLine("The host's warnings and errors:");
        text.Append(Logs);
        return text.ToString();
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        Owners.AddOrUpdate(client, this);
    }

    private static bool Carries(Job? job, Guid runId) => job?.Args is [Guid id, ..] && id == runId;
}
