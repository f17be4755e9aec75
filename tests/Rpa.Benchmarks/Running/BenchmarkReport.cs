using Rpa.Benchmarks.Scenarios;

namespace Rpa.Benchmarks.Running;

/// <summary>Runs the scenarios and writes the markdown report: machine, results, details, checks. Progress goes to stderr.</summary>
internal static class BenchmarkReport
{
    public static async Task<int> RunAsync(IReadOnlyList<Scenario> scenarios, BenchmarkOptions options, TextWriter output, TextWriter progress)
    {
        var measurements = new List<Measurement>();
        var failures = new List<string>();
        foreach (var scenario in scenarios)
        {
            progress.WriteLine($"running {scenario.Name} ...");
            try
            {
                var results = await ScenarioRunner.MeasureAsync(scenario, options, progress).ConfigureAwait(false);
                measurements.AddRange(results);
                foreach (var measurement in results)
                {
                    var name = results.Count > 1 ? $"{measurement.Scenario.Name}: " : "";
                    progress.WriteLine($"  {name}{ResultTable.Time(measurement.Median)} per op, {ResultTable.Number(measurement.Throughput)} {measurement.Scenario.Unit.Plural}/s");
                }
            }
            catch (Exception e)
            {
                failures.Add($"- **{scenario.Name} FAILED**: {e.Message}");
                progress.WriteLine($"  FAILED: {e}");
            }
        }

        output.WriteLine("# Rpa scenario benchmarks");
        output.WriteLine();
        foreach (var line in MachineInfo.Describe(options)) output.WriteLine(line);
        output.WriteLine();
        foreach (var line in ResultTable.Results(measurements)) output.WriteLine(line);
        output.WriteLine();
        var latencies = ResultTable.Latencies(measurements).ToList();
        foreach (var line in latencies) output.WriteLine(line);
        if (latencies.Count > 0) output.WriteLine();
        foreach (var line in Checks.Describe(measurements).Concat(failures)) output.WriteLine(line);
        output.WriteLine();
        output.WriteLine("Details (per op = one row's \"work per op\"):");
        output.WriteLine();
        foreach (var line in ResultTable.Details(measurements)) output.WriteLine(line);
        return failures.Count == 0 ? 0 : 1;
    }
}
