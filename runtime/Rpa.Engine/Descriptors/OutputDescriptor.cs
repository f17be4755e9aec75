using System.Reflection;
using System.Text.Json.Serialization;
using Rpa.Engine.Values;

namespace Rpa.Engine.Descriptors;

/// <summary>One output of an activity type.</summary>
public sealed record OutputDescriptor
{
    public required string Name { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<DataType>))]
    public required DataType Type { get; init; }

    public string Description { get; init; } = "";

    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;
}
