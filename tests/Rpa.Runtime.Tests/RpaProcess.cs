using System.Diagnostics;
using System.Text;

namespace Rpa.Runtime.Tests;

/// <summary>Starts the real `rpa` program from the build output (rpa.dll is copied beside the tests), its output kept in a log.</summary>
internal static class RpaProcess
{
    /// <param name="arguments">The verb and its options, e.g. ["worker", "--queues", "default", …].</param>
    public static Process Start(IEnumerable<string> arguments, string workingDirectory, StringBuilder log)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rpa.dll"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

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
