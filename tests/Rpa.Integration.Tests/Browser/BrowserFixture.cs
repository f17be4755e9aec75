using Microsoft.Extensions.DependencyInjection;
using Rpa.Activities;
using Rpa.Activities.Browser;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Hosting;
using Rpa.Engine.Model;
using Rpa.Engine.Serialization;
using Rpa.Engine.Validation;

namespace Rpa.Integration.Tests.Browser;

/// <summary>One real Chromium (Debian's) for all browser tests; each run still gets its own browser context.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private ServiceProvider? _services;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("not started");

    public ActivityRegistry Registry => Services.GetRequiredService<ActivityRegistry>();

    public string ArtifactsDirectory { get; } = Directory.CreateTempSubdirectory("rpa-browser-tests-").FullName;

    public Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddRpa(rpa => rpa.AddBuiltInActivities().AddBrowserActivities(new BrowserOptions { DefaultTimeout = TimeSpan.FromSeconds(5) }))
            .BuildServiceProvider();
        return Task.CompletedTask;
    }

    public Task<RunResult> RunAsync(string botJson, IReadOnlyDictionary<string, object?>? inputs = null, string? location = null) =>
        RunAsync(BotJson.Parse(botJson), inputs, location);

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
        if (_services is not null) await _services.DisposeAsync();
    }
}
