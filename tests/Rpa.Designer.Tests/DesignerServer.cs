using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Rpa.Host.Server;

namespace Rpa.Designer.Tests;

/// <summary>
/// A real `rpa serve` (Kestrel on 127.0.0.1, a free port) with the sample bots, the practice apps and the built designer,
/// on a fresh SQLite data folder; and real Chromium (/usr/bin/chromium) driven by Playwright.
/// </summary>
public sealed class DesignerServer : IAsyncLifetime
{
    private WebApplication? _app;
    private IPlaywright? _playwright;

    public string BaseUrl { get; private set; } = "";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("rpa-designer-tests-").FullName;

    public IBrowser Browser { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

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

    public async Task InitializeAsync()
    {
        var designer = Path.Combine(RepositoryRoot, "designer", "dist");
        if (!File.Exists(Path.Combine(designer, "index.html")))
        {
            throw new InvalidOperationException($"The designer is not built ({designer}/index.html is missing): run `bash runtime/setup.sh` or `npm ci && npm run build` in designer/.");
        }

        _app = RpaServer.Build(
        [
            "--urls=http://127.0.0.1:0",
            $"--Rpa:DataDirectory={DataDirectory}",
            $"--Rpa:BotsDirectory={Path.Combine(RepositoryRoot, "bots")}",
            $"--Rpa:Serve:Designer={designer}",
            "--Rpa:JournalFlushInterval=00:00:00.100",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseUrl = address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/');
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl) };

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RPA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A new page, 1400×900, that fails a test on an uncaught error of the designer.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, BaseURL = BaseUrl });
        var page = await context.NewPageAsync();
        page.SetDefaultTimeout(15_000);
        page.PageError += (_, error) => PageErrors.Add(error);
        return page;
    }

    /// <summary>Uncaught errors of the designer's pages (a test asserts there are none).</summary>
    public List<string> PageErrors { get; } = [];

    /// <summary>
    /// Saves a screenshot of a main screen: into docs/images/ when RPA_DOCS_SCREENSHOTS=1 (to refresh the docs), else
    /// into the test's data folder, so a test run leaves the repository as it was.
    /// </summary>
    public async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Environment.GetEnvironmentVariable("RPA_DOCS_SCREENSHOTS") == "1"
            ? Path.Combine(RepositoryRoot, "docs", "images")
            : Path.Combine(DataDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"designer-{name}.png") });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        Api?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
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

[CollectionDefinition(Name)]
public sealed class DesignerCollection : ICollectionFixture<DesignerServer>
{
    public const string Name = "designer";
}
