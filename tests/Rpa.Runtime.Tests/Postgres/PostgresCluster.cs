using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Rpa.Runtime.Tests.Postgres;

/// <summary>
/// A private PostgreSQL cluster for the tests and the dispatch benchmark (which links this file): initdb into a temp folder, postgres on 127.0.0.1 and a free port with its
/// socket in that folder, stopped and removed at the end. Independent of the system service. As root it runs the
/// server as the <c>postgres</c> user (PostgreSQL refuses root); as anyone else, as that user.
/// </summary>
public sealed partial class PostgresCluster
{
    public const string DebianPackage = "postgresql-15";

    private static readonly string[] BinDirectories = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"];

    private readonly bool _asPostgresUser = Environment.UserName == "root";
    private string _bin = "";
    private string _folder = "";
    private int _databases;
    private bool _running;

    public int Port { get; private set; }

    private string DataFolder => Path.Combine(_folder, "data");

    private string AdminConnectionString => $"Host=127.0.0.1;Port={Port};Username=postgres;Database=postgres;Pooling=false;Timeout=10";

    public async Task InitializeAsync()
    {
        _bin = FindBinaries();
        _folder = Directory.CreateTempSubdirectory("rpa-postgres-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(_folder, "socket"));
            if (_asPostgresUser)
            {
                await RunAsync("chown", ["-R", "postgres:postgres", _folder], asPostgres: false);
            }

            await RunAsync(Path.Combine(_bin, "initdb"), ["-D", DataFolder, "-U", "postgres", "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync", "--no-instructions"]);
            await StartAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>A new, empty database; returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return $"Host=127.0.0.1;Port={Port};Username=postgres;Database={name}";
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_running)
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "-t", "20", "stop"]);
            }
            catch (InvalidOperationException)
            {
                KillPostmaster();
            }

            _running = false;
            AppDomain.CurrentDomain.ProcessExit -= StopOnExit;
        }

        if (_folder.Length > 0 && Directory.Exists(_folder))
        {
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    private async Task StartAsync()
    {
        // A free port can be taken between finding it and binding it: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            var settings = string.Join(' ',
                $"-p {Port}",
                "-c listen_addresses=127.0.0.1",
                $"-c unix_socket_directories={Path.Combine(_folder, "socket")}",
                "-c max_connections=300",
                "-c fsync=off",
                "-c synchronous_commit=off",
                "-c full_page_writes=off");
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "30", "-o", settings, "start"]);
                _running = true;
                AppDomain.CurrentDomain.ProcessExit += StopOnExit;
                return;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
            }
            catch (InvalidOperationException e)
            {
                var log = Path.Combine(_folder, "server.log");
                throw new InvalidOperationException($"{e.Message}\nserver.log:\n{(File.Exists(log) ? await File.ReadAllTextAsync(log) : "(none)")}", e);
            }
        }
    }

    private static string FindBinaries()
    {
        var bin = Environment.GetEnvironmentVariable("RPA_POSTGRES_BIN") is { Length: > 0 } custom ? custom
            : BinDirectories.FirstOrDefault(d => File.Exists(Path.Combine(d, "initdb")));
        if (bin is null || !File.Exists(Path.Combine(bin, "initdb")) || !File.Exists(Path.Combine(bin, "pg_ctl")))
        {
            throw new InvalidOperationException(
                $"The PostgreSQL tests start their own server, but initdb and pg_ctl are not in {string.Join(" or ", BinDirectories)}" +
                $" (or $RPA_POSTGRES_BIN). Install the Debian package {DebianPackage}: apt-get install -y --no-install-recommends {DebianPackage}" +
                " (runtime/setup.sh installs it).");
        }

        return bin;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Task RunAsync(string program, string[] arguments) => RunAsync(program, arguments, _asPostgresUser);

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        if (asPostgres)
        {
            foreach (var argument in new[] { "-u", "postgres", "--", program }) start.ArgumentList.Add(argument);
        }

        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["LC_ALL"] = "C";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"cannot start {program}");
        // pg_ctl start leaves the server holding the output pipes: read only until the process itself exits.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            await Task.WhenAny(Task.WhenAll(output, error), Task.Delay(1000));
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {process.ExitCode}: {Said(error)}{Said(output)}");
        }
    }

    private static string Said(Task<string> text) => text.IsCompletedSuccessfully ? text.Result.Trim() + " " : "";

    /// <summary>When the test run ends without disposing the fixture (a crash, an abort), the server still goes.</summary>
    private void StopOnExit(object? sender, EventArgs e) => KillPostmaster();

    private void KillPostmaster()
    {
        var pidFile = Path.Combine(DataFolder, "postmaster.pid");
        if (!File.Exists(pidFile) || !int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid)) return;
        try
        {
            using var postmaster = Process.GetProcessById(pid);
            postmaster.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
        }
    }
}
