using System.Diagnostics;
using System.Text;

namespace Rpa.Runtime.Tests.Postgres;

/// <summary>A real `rpa worker --queues default` process from the build output (rpa.dll is copied beside the tests), on PostgreSQL.</summary>
internal static class RpaWorkerProcess
{
    public static Process Start(string database, string dataDirectory, StringBuilder log)
    {
        Directory.CreateDirectory(dataDirectory);
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in new[]
        {
            Path.Combine(AppContext.BaseDirectory, "rpa.dll"), "worker", "--queues", "default", "--data", dataDirectory,
            "--Rpa:Store=Postgres", $"--Rpa:ConnectionString={database}", "--Rpa:BotsDirectory=", "--Rpa:ReconcileOnStart=false",
            "--Rpa:ShutdownTimeout=00:00:02",
        })
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
        return process;
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null) return;
        lock (log) log.AppendLine(line);
    }
}
