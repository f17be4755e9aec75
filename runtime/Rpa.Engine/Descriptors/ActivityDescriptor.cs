using System.Text.Json.Serialization;

namespace Rpa.Engine.Descriptors;

/// <summary>What the palette, the docs and the validator know about an activity type; generated from its class.</summary>
public sealed record ActivityDescriptor
{
    public required string Type { get; init; }

    public required string Category { get; init; }

    public required string DisplayName { get; init; }

    public required string Description { get; init; }

    public IReadOnlyList<InputDescriptor> Inputs { get; init; } = [];

    public IReadOnlyList<OutputDescriptor> Outputs { get; init; } = [];

    public IReadOnlyList<SlotDescriptor> Slots { get; init; } = [];

    /// <summary>The outcomes a flowchart can connect; for activities with dynamic outcomes, the ones always present.</summary>
    public IReadOnlyList<string> Outcomes { get; init; } = [];

    /// <summary>Outcomes depend on the inputs (a Switch adds one per case).</summary>
    public bool DynamicOutcomes { get; init; }

    /// <summary>What the machine running it must have (see <see cref="Activities.ActivityNeeds"/>: "browser", "ocr"), sorted; empty when any machine can.</summary>
    public IReadOnlyList<string> Needs { get; init; } = [];

    /// <summary>A flowchart: children connected by outcomes instead of run in order.</summary>
    public bool IsFlowchart { get; init; }

    [JsonIgnore]
    public Type ClrType { get; init; } = null!;

    public InputDescriptor? FindInput(string name) => Inputs.FirstOrDefault(i => i.Name == name);

    public OutputDescriptor? FindOutput(string name) => Outputs.FirstOrDefault(o => o.Name == name);

    public SlotDescriptor? FindSlot(string name) => Slots.FirstOrDefault(s => s.Name == name);
}
