using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using System.Net.Sockets;
using System.Text;

namespace Rpa.Runtime.Tests.Queues;

/// <summary>A real `rpa serve` process from the build output (rpa.dll is copied beside the tests), on a free port, its output kept for failure messages.</summary>
internal sealed partial class ServeProcess : IAsyncDisposable
{
    /// <summary>An Admin API key per data folder: made once, as a person would (first-start link, password, then a key), and kept across restarts.</summary>
    private static readonly ConcurrentDictionary<string, string> AdminKeys = new(StringComparer.Ordinal);

    private string _dataDirectory = "";

    private readonly Process _process;
    private readonly StringBuilder _log;

    private ServeProcess(Process process, StringBuilder log, Uri address)
    {
        _process = process;
        _log = log;
        Address = address;
    }

    public Uri Address { get; }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    /// <summary>Starts `rpa serve` and waits (up to 60 s) until /health answers.</summary>
    public static async Task<ServeProcess> StartAsync(string dataDirectory, string botsDirectory, StringBuilder log, params string[] settings)
    {
        var port = FreePort();
        var process = RpaProcess.Start(
            ["serve", "--urls", $"http://127.0.0.1:{port}", "--data", dataDirectory, "--bots", botsDirectory, "--no-practice", .. settings],
            dataDirectory,
            log);
        var serve = new ServeProcess(process, log, new Uri($"http://127.0.0.1:{port}")) { _dataDirectory = dataDirectory };

        using var client = serve.CreateAnonymousClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"rpa serve exited with {process.ExitCode}:\n{serve.Log}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode is HttpStatusCode.OK)
                {
                    await serve.EnsureAdminKeyAsync();
                    return serve;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"rpa serve did not answer /health within 60 s:\n{serve.Log}");
            await Task.Delay(100);
        }
    }

    /// <summary>A client authenticated as Admin with an API key (the runtime refuses anonymous API calls).</summary>
    public HttpClient CreateClient()
    {
        var client = CreateAnonymousClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdminKeys[_dataDirectory]);
        return client;
    }

    public HttpClient CreateAnonymousClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>On the first start of a data folder: use the one-time link the process printed to set admin's password, then make an API key.</summary>
    private async Task EnsureAdminKeyAsync()
    {
        if (AdminKeys.ContainsKey(_dataDirectory)) return;
        var link = SignInLink().Match(Log);
        if (!link.Success) throw new InvalidOperationException($"rpa serve printed no sign-in link on its first start:\n{Log}");
        using var handler = new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false };
        using var browser = new HttpClient(handler) { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };
        var signedIn = await browser.PostAsJsonAsync($"/api/auth/link/{link.Groups[1].Value}", new { password = "crash-test-" + Guid.NewGuid().ToString("N") });
        if (!signedIn.IsSuccessStatusCode) throw new InvalidOperationException($"the sign-in link answered {(int)signedIn.StatusCode}: {await signedIn.Content.ReadAsStringAsync()}");
        var created = await browser.PostAsJsonAsync("/api/keys", new { name = "crash-test", role = "Admin", expiresInDays = 1 });
        if (!created.IsSuccessStatusCode) throw new InvalidOperationException($"making an API key answered {(int)created.StatusCode}: {await created.Content.ReadAsStringAsync()}");
        var body = (await created.Content.ReadFromJsonAsync<JsonObject>())!;
        AdminKeys[_dataDirectory] = (string)body["key"]!;
    }

    [GeneratedRegex(@"/api/auth/link/([A-Za-z0-9_\-]+)")]
    private static partial Regex SignInLink();

    /// <summary>SIGKILL: the process gets no chance to clean up.</summary>
    public async Task KillAsync()
    {
        _process.Kill();
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
