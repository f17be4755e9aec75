namespace Rpa.Benchmarks.Running;

/// <summary>The samples of one scenario, each the time of one operation (a batch's time divided by its size).</summary>
internal sealed record Measurement(Scenario Scenario, IReadOnlyList<TimeSpan> Samples, int Batch, double BytesPerOp, double[] CollectionsPerOp, TimeSpan SetupTime, string? Note)
{
    public TimeSpan Median
    {
        get
        {
            var sorted = Samples.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }

    public TimeSpan Min => Samples.Min();

    public TimeSpan Max => Samples.Max();

    /// <summary>Items per second at the median time.</summary>
    public double Throughput => Scenario.Items / Median.TotalSeconds;

    public double BytesPerItem => BytesPerOp / Scenario.Items;

    /// <summary>Browser scenarios: the median of the time the page itself measured (the challenge's data-milliseconds).</summary>
    public TimeSpan? PageTime { get; init; }

    /// <summary>Dispatch scenarios: the p50 and p95 of each run's created → started.</summary>
    public (TimeSpan P50, TimeSpan P95)? Latency { get; init; }
}
