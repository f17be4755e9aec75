using System.Globalization;

namespace Rpa.Benchmarks.Running;

/// <summary>Writes the measurements as markdown tables: the results, then the details behind them.</summary>
internal static class ResultTable
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static IEnumerable<string> Results(IReadOnlyList<Measurement> measurements)
    {
        yield return "| scenario | work per op | median time | throughput | allocations per item |";
        yield return "|---|---|---:|---:|---:|";
        foreach (var m in measurements)
        {
            var (plural, singular) = m.Scenario.Unit;
            yield return $"| {m.Scenario.Name} | {m.Scenario.Work} | {Time(m.Median)} | {Number(m.Throughput)} {plural}/s | {Bytes(m.BytesPerItem)}/{singular} |";
        }
    }

    /// <summary>The dispatch rows: throughput and created → started latency (p50, p95).</summary>
    public static IEnumerable<string> Latencies(IReadOnlyList<Measurement> measurements)
    {
        var rows = measurements.Where(m => m.Latency is not null).ToList();
        if (rows.Count == 0) yield break;
        yield return "| dispatch | setting | runs | total | throughput | latency p50 | latency p95 |";
        yield return "|---|---|---:|---:|---:|---:|---:|";
        foreach (var m in rows)
        {
            var (p50, p95) = m.Latency!.Value;
            yield return $"| {m.Scenario.Name} | {m.Scenario.Description} | {m.Scenario.Items:N0} | {Time(m.Median)} | {Number(m.Throughput)} runs/s | {Time(p50)} | {Time(p95)} |";
        }
    }

    public static IEnumerable<string> Details(IReadOnlyList<Measurement> measurements)
    {
        yield return "| scenario | samples × batch | min | max | allocated per op | GCs per op (gen0/1/2) | prepare | note |";
        yield return "|---|---|---:|---:|---:|---|---:|---|";
        foreach (var m in measurements)
        {
            var gcs = string.Join("/", m.CollectionsPerOp.Select(c => c.ToString(c >= 10 ? "0" : "0.##", Invariant)));
            yield return $"| {m.Scenario.Name} | {m.Samples.Count} × {m.Batch} | {Time(m.Min)} | {Time(m.Max)} | {Bytes(m.BytesPerOp)} | {gcs} | {Time(m.SetupTime)} | {m.Note} |";
        }
    }

    public static string Time(TimeSpan t) => t.TotalSeconds switch
    {
        >= 1 => $"{t.TotalSeconds.ToString("0.00", Invariant)} s",
        >= 0.001 => $"{t.TotalMilliseconds.ToString("0.0", Invariant)} ms",
        >= 0.000001 => $"{(t.TotalMilliseconds * 1000).ToString("0.0", Invariant)} µs",
        _ => $"{(t.TotalMilliseconds * 1_000_000).ToString("0", Invariant)} ns",
    };

    public static string Number(double value) => value >= 100 ? value.ToString("N0", Invariant) : value.ToString("0.##", Invariant);

    public static string Bytes(double bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{(bytes / (1024 * 1024)).ToString("0.0", Invariant)} MB",
        >= 10 * 1024 => $"{(bytes / 1024).ToString("0", Invariant)} KB",
        >= 1024 => $"{(bytes / 1024).ToString("0.0", Invariant)} KB",
        _ => $"{bytes.ToString("0", Invariant)} B",
    };
}
