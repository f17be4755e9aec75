using System.Text.Json.Nodes;
using Rpa.Engine.Values;

namespace Rpa.Engine.Model;

/// <summary>A bot input (given when the run starts) or output (returned when it ends).</summary>
public sealed record ArgumentDefinition(string Name, DataType Type)
{
    public string? Description { get; init; }

    /// <summary>An input without a default must be given when the run starts.</summary>
    public bool Required { get; init; }

    public JsonNode? Default { get; init; }

    /// <summary>Secret values are masked in the journal, logs and errors.</summary>
    public bool Secret { get; init; }
}
