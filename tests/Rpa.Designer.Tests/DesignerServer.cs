using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Rpa.Host.Api.Security;
using Rpa.Host.Server;
using Rpa.Runtime.Security;

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

    /// <summary>The API as an Admin script would call it (an API key).</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>The person the pages sign in as (an Admin, so every screen is open).</summary>
    public const string UserName = "ada";

    public const string Password = "designer-e2e-password";

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
        var security = _app.Services.GetRequiredService<SecurityStore>();
        var (_, key) = await KeysApi.CreateKeyAsync(security, "designer-e2e", RpaRole.Admin, 1, "tests", CancellationToken.None);
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        await CreateUserAsync(UserName, RpaRole.Admin, Password);

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("RPA_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    /// <summary>A user with this role who signs in with this password (set through a one-time sign-in link, as a person would).</summary>
    public async Task CreateUserAsync(string userName, RpaRole role, string password)
    {
        var security = _app!.Services.GetRequiredService<SecurityStore>();
        var user = await security.CreateUserAsync(userName, role.ToString(), CancellationToken.None) ?? throw new InvalidOperationException($"the user {userName} exists");
        var link = await security.CreateSignInLinkAsync(user.Id, TimeSpan.FromHours(1), CancellationToken.None);
        using var setPassword = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        (await setPassword.PostAsJsonAsync($"/api/auth/link/{link}", new { password })).EnsureSuccessStatusCode();
    }

    /// <summary>A new page, 1400×900, signed in as <see cref="UserName"/> (unless told not to), that fails a test on an uncaught error of the designer.</summary>
    public Task<IPage> NewPageAsync(bool signedIn = true) => signedIn ? NewPageAsync(UserName, Password) : NewPageAsync(null, null);

    /// <summary>A new page signed in as this user (see <see cref="CreateUserAsync"/>); not signed in when <paramref name="userName"/> is null.</summary>
    public async Task<IPage> NewPageAsync(string? userName, string? password)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1400, Height = 900 }, BaseURL = BaseUrl });
        if (userName is not null)
        {
            var response = await context.APIRequest.PostAsync("/api/auth/sign-in", new APIRequestContextOptions { DataObject = new { userName, password } });
            if (!response.Ok) throw new InvalidOperationException($"signing in answered {response.Status}: {await response.TextAsync()}");
        }

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
