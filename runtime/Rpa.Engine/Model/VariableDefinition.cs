using System.Text.Json.Nodes;
using Rpa.Engine.Values;

namespace Rpa.Engine.Model;

/// <summary>A variable of a bot, visible to every activity and expression of the run.</summary>
public sealed record VariableDefinition(string Name, DataType Type)
{
    public JsonNode? Value { get; init; }

    public string? Description { get; init; }
}
