using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Rpa.Engine.Values;

namespace Rpa.Engine.Descriptors;

/// <summary>One input of an activity type: name, type, default, and how the designer edits it.</summary>
public sealed record InputDescriptor
{
    public required string Name { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<DataType>))]
    public required DataType Type { get; init; }

    public string Description { get; init; } = "";

    public bool Required { get; init; }

    public JsonNode? Default { get; init; }

    public bool Secret { get; init; }

    public bool LiteralOnly { get; init; }

    /// <summary>The allowed values, for inputs with a fixed set of choices.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    public string? Editor { get; init; }

    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;
}
