using System.Reflection;
using System.Text.Json.Serialization;
using Rpa.Engine.Model;

namespace Rpa.Engine.Descriptors;

/// <summary>A place where a composite holds child activities.</summary>
public sealed record SlotDescriptor
{
    public required string Name { get; init; }

    [JsonConverter(typeof(JsonStringEnumConverter<SlotKind>))]
    public required SlotKind Kind { get; init; }

    public string Description { get; init; } = "";

    [JsonIgnore]
    public PropertyInfo Property { get; init; } = null!;
}
