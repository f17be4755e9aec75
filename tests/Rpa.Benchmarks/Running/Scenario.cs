namespace Rpa.Benchmarks.Running;

/// <summary>One scenario: what it measures, how much work one operation is, and how to prepare it (not measured).</summary>
internal sealed record Scenario
{
    public required string Name { get; init; }

    /// <summary>What the scenario measures, for --list and the docs.</summary>
    public required string Description { get; init; }

    /// <summary>The work of one operation, for the table ("100,000 × NoOp in a Sequence").</summary>
    public required string Work { get; init; }

    /// <summary>How many items (activities, evaluations, renders) one operation does; throughput and allocations are per item.</summary>
    public required long Items { get; init; }

    /// <summary>The item, plural and singular: "activities", "activity".</summary>
    public required (string Plural, string Singular) Unit { get; init; }

    /// <summary>Builds and compiles what the operation needs; runs once, before the warm-up, outside the measurement.</summary>
    public Func<Operation>? Prepare { get; init; }

    /// <summary>
    /// Instead of <see cref="Prepare"/>: a scenario that measures itself and returns one measurement per variant. For work
    /// that cannot be timed as a whole operation: the browser scenario times only part of each run (the rounds, not the
    /// page load) and interleaves its variants so that the machine's load hits them alike. Progress goes to the writer.
    /// </summary>
    public Func<BenchmarkOptions, TextWriter, Task<IReadOnlyList<Measurement>>>? MeasureAsync { get; init; }
}
