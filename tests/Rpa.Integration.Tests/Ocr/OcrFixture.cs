using Microsoft.Extensions.DependencyInjection;
using Rpa.Activities;
using Rpa.Activities.Browser;
using Rpa.Activities.Ocr;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Hosting;
using Rpa.Engine.Model;
using Rpa.Engine.Serialization;
using Rpa.Engine.Validation;

namespace Rpa.Integration.Tests.Ocr;

/// <summary>
/// The real Tesseract (Debian's libtesseract5) and one real Chromium for all OCR tests; the Chromium also renders the
/// generated test images, which are made once and shared.
/// </summary>
public sealed class OcrFixture : IAsyncLifetime
{
    private readonly Dictionary<string, Task<byte[]>> _images = [];
    private ServiceProvider? _services;
    private InvoiceSetGenerator? _generator;

    public IServiceProvider Services => _services ?? throw new InvalidOperationException("not started");

    public ActivityRegistry Registry => Services.GetRequiredService<ActivityRegistry>();

    public OcrEnginePool Pool => Services.GetRequiredService<OcrEnginePool>();

    public InvoiceSetGenerator Generator => _generator ?? throw new InvalidOperationException("not started");

    public string Folder { get; } = Directory.CreateTempSubdirectory("rpa-ocr-tests-").FullName;

    public async Task InitializeAsync()
    {
        _services = new ServiceCollection()
            .AddRpa(rpa => rpa.AddBuiltInActivities()
                .AddBrowserActivities(new BrowserOptions { DefaultTimeout = TimeSpan.FromSeconds(5) })
                .AddOcrActivities(new OcrOptions { MaxEngines = 2 }))
            .BuildServiceProvider();
        var browser = await Services.GetRequiredService<BrowserHost>().GetBrowserAsync(CancellationToken.None);
        _generator = new InvoiceSetGenerator(browser);
    }

    /// <summary>The fixture's Chromium, for tests that render pages of their own.</summary>
    public Task<Microsoft.Playwright.IBrowser> BrowserAsync() => Services.GetRequiredService<BrowserHost>().GetBrowserAsync(CancellationToken.None);

    /// <summary>An image rendered once per test run and shared (keyed by what it shows).</summary>
    public Task<byte[]> ImageAsync(string key, Func<InvoiceSetGenerator, Task<byte[]>> render)
    {
        lock (_images)
        {
            if (!_images.TryGetValue(key, out var image)) _images[key] = image = render(Generator);
            return image;
        }
    }

    /// <summary>Saves bytes in the fixture's folder and returns the full path.</summary>
    public string Save(string name, byte[] bytes)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
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
            ArtifactsDirectory = Path.Combine(Folder, "artifacts", Guid.NewGuid().ToString("N")),
        });
    }

    public async Task DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        if (Environment.GetEnvironmentVariable("RPA_KEEP_TEST_FILES") is { Length: > 0 }) return;
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder does no harm.
        }
    }
}
