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
    public required Func<Operation> Prepare { get; init; }
}
