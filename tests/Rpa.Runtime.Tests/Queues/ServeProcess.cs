using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Rpa.Runtime.Tests.Queues;

/// <summary>A real `rpa serve` process from the build output (rpa.dll is copied beside the tests), on a free port, its output kept for failure messages.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
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
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = dataDirectory };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "rpa.dll"), "serve", "--urls", $"http://127.0.0.1:{port}", "--data", dataDirectory, "--bots", botsDirectory, "--no-practice",
        }.Concat(settings))
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(log, e.Data);
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var serve = new ServeProcess(process, log, new Uri($"http://127.0.0.1:{port}"));

        using var client = serve.CreateClient();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"rpa serve exited with {process.ExitCode}:\n{serve.Log}");
            try
            {
                if ((await client.GetAsync("/health")).StatusCode is HttpStatusCode.OK) return serve;
            }
            catch (HttpRequestException)
            {
            }

            if (DateTime.UtcNow > deadline) throw new TimeoutException($"rpa serve did not answer /health within 60 s:\n{serve.Log}");
            await Task.Delay(100);
        }
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(30) };

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

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null) return;
        lock (log) log.AppendLine(line);
    }
}
