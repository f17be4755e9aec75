using Microsoft.Extensions.DependencyInjection;
using Rpa.Activities;
using Rpa.Activities.Browser;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Hosting;
using Rpa.Engine.Model;
using Rpa.Engine.Serialization;
using Rpa.Engine.Validation;
using Rpa.Host.PracticeApps;

namespace Rpa.Integration.Tests.Browser;

/// <summary>One real Chromium (Debian's) for all browser tests; each run still gets its own browser context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private ServiceProvider? _services;
    private PracticeAppsServer? _apps;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("not started");

    public ActivityRegistry Registry => Services.GetRequiredService<ActivityRegistry>();

    /// <summary>The practice apps (challenge, CRM) on 127.0.0.1, with short, seeded slow responses.</summary>
    public PracticeAppsServer Apps => _apps ?? throw new InvalidOperationException("not started");

    public string ArtifactsDirectory { get; } = Directory.CreateTempSubdirectory("rpa-browser-tests-").FullName;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddRpa(rpa => rpa.AddBuiltInActivities().AddBrowserActivities(new BrowserOptions { DefaultTimeout = TimeSpan.FromSeconds(5) }))
            .BuildServiceProvider();
        _apps = await PracticeAppsServer.StartAsync(new PracticeAppsOptions { Port = 0, MinDelayMs = 50, MaxDelayMs = 300, Seed = 7 }, CancellationToken.None);
    }

    public Task<RunResult> RunAsync(string botJson, IReadOnlyDictionary<string, object?>? inputs = null, string? location = null) =>
        RunAsync(BotJson.Parse(botJson), inputs, location);

    /// <summary>Clears the practice CRM's customers.</summary>
    public async Task ResetCrmAsync()
    {
        using var http = new HttpClient { BaseAddress = Apps.BaseAddress };
        (await http.PostAsync("crm/api/reset", null)).EnsureSuccessStatusCode();
    }

    /// <summary>Runs a sample bot from the repository's bots/ folder.</summary>
    public Task<RunResult> RunSampleAsync(string name, IReadOnlyDictionary<string, object?>? inputs = null)
    {
        var folder = Path.Combine(RepositoryRoot(), "bots", name);
        return RunAsync(BotJson.Parse(File.ReadAllText(Path.Combine(folder, "bot.json"))), inputs, folder);
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Rpa.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("Rpa.sln not found above " + AppContext.BaseDirectory);
    }

    public Task<RunResult> RunAsync(BotDefinition bot, IReadOnlyDictionary<string, object?>? inputs = null, string? location = null)
    {
        var compiled = new BotCompiler(Registry).CompileOrThrow(bot, location);
        return BotRunner.RunAsync(compiled, new RunOptions
        {
            Inputs = inputs ?? new Dictionary<string, object?>(),
            Services = Services,
            ArtifactsDirectory = Path.Combine(ArtifactsDirectory, Guid.NewGuid().ToString("N")),
        });
    }

    public async Task DisposeAsync()
    {
        if (_apps is not null) await _apps.DisposeAsync();
        if (_services is not null) await _services.DisposeAsync();
    }
}
