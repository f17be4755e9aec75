using System.Diagnostics;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Rpa.Benchmarks.Running;

/// <summary>Where the numbers come from: cores, CPU, OS, .NET, GC mode, build, date.</summary>
internal static class MachineInfo
{
    public static bool IsOptimized =>
        typeof(MachineInfo).Assembly.GetCustomAttribute<DebuggableAttribute>() is not { IsJITOptimizerDisabled: true };

    public static IEnumerable<string> Describe(BenchmarkOptions options)
    {
        yield return $"- Date: {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC";
        yield return $"- Machine: {Environment.ProcessorCount} cores, {CpuModel()}, {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";
        yield return $"- Runtime: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC ({GCSettings.LatencyMode}), "
            + $"{(IsOptimized ? "Release build" : "DEBUG BUILD: numbers are meaningless, use -c Release")}";
        yield return $"- Method: Stopwatch; {options.Warmups} warm-up run{(options.Warmups == 1 ? "" : "s")}{(options.MinWarmupTime > TimeSpan.Zero ? $" and at least {options.MinWarmupTime.TotalSeconds:0} s of warm-up" : "")}, "
            + $"then {options.Samples} samples of ~{options.TargetSampleTime.TotalMilliseconds:0} ms (operations batched; no forced GC between samples, so each pays for the collections it causes); "
            + "the median sample; allocations from GC.GetTotalAllocatedBytes(precise: true)" + (options.Quick ? " (--quick: a smoke run, not for comparison)" : "");
    }

    private static string CpuModel()
    {
        try
        {
            const string cpuInfo = "/proc/cpuinfo";
            if (!File.Exists(cpuInfo)) return RuntimeInformation.ProcessArchitecture.ToString();
            var line = File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
