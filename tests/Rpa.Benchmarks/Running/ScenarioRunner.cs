using System.Diagnostics;

namespace Rpa.Benchmarks.Running;

/// <summary>
/// Measures one scenario: prepare, warm up (so the JIT has tiered up), then time a number of samples with a
/// Stopwatch. Operations run in batches so one sample lasts about <see cref="BenchmarkOptions.TargetSampleTime"/>;
/// allocations are the bytes the process allocated during a sample (<see cref="GC.GetTotalAllocatedBytes(bool)"/>, precise).
/// </summary>
internal static class ScenarioRunner
{
    /// <summary>The scenario's measurements: one, or one per variant for a scenario that measures itself.</summary>
    public static async Task<IReadOnlyList<Measurement>> MeasureAsync(Scenario scenario, BenchmarkOptions options, TextWriter progress)
    {
        if (scenario.MeasureAsync is { } measure) return await measure(options, progress).ConfigureAwait(false);
        var prepare = scenario.Prepare ?? throw new InvalidOperationException($"The scenario '{scenario.Name}' has neither Prepare nor MeasureAsync.");
        return [await MeasureOperationAsync(scenario, prepare, options).ConfigureAwait(false)];
    }

    private static async Task<Measurement> MeasureOperationAsync(Scenario scenario, Func<Operation> prepare, BenchmarkOptions options)
    {
        var setup = Stopwatch.StartNew();
        var operation = prepare();
        setup.Stop();

        // One full collection so the previous scenario's garbage is not collected on this one's time. No collection
        // between samples: a long run pays for the collections its allocations and its journal cause, so the samples do too
        // (steady state), and they are long enough to span several gen0 collections.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var warmup = Stopwatch.StartNew();
        for (var i = 0; i < options.Warmups || warmup.Elapsed < options.MinWarmupTime; i++)
        {
            await operation.RunAsync().ConfigureAwait(false);
        }

        var calibration = Stopwatch.StartNew();
        await operation.RunAsync().ConfigureAwait(false);
        calibration.Stop();
        var batch = (int)Math.Clamp(Math.Ceiling(options.TargetSampleTime.Ticks / (double)Math.Max(calibration.Elapsed.Ticks, 1)), 1, 100_000);

        var samples = new List<TimeSpan>(options.Samples);
        var bytes = new List<double>(options.Samples);
        var collections = new double[GC.MaxGeneration + 1];
        for (var s = 0; s < options.Samples; s++)
        {
            var gcBefore = Enumerable.Range(0, collections.Length).Select(GC.CollectionCount).ToArray();
            var bytesBefore = GC.GetTotalAllocatedBytes(precise: true);
            var watch = Stopwatch.StartNew();
            for (var b = 0; b < batch; b++)
            {
                await operation.RunAsync().ConfigureAwait(false);
            }

            watch.Stop();
            var bytesAfter = GC.GetTotalAllocatedBytes(precise: true);
            samples.Add(watch.Elapsed / batch);
            bytes.Add((bytesAfter - bytesBefore) / (double)batch);
            for (var g = 0; g < collections.Length; g++)
            {
                collections[g] += (GC.CollectionCount(g) - gcBefore[g]) / (double)batch / options.Samples;
            }
        }

        var medianBytes = bytes.Order().ElementAt(bytes.Count / 2);
        return new Measurement(scenario, samples, batch, medianBytes, collections, setup.Elapsed, operation.Note);
    }
}
