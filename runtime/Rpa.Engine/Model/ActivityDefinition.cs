using System.Text.Json.Nodes;

namespace Rpa.Engine.Model;

/// <summary>One activity in a bot: its id, type, inputs, output bindings and, for composites, its children.</summary>
public sealed record ActivityDefinition(string Id, string Type)
{
    public string? DisplayName { get; init; }

    /// <summary>Input values by input name (camelCase, as in the activity descriptor).</summary>
    public IReadOnlyDictionary<string, InputValue> Inputs { get; init; } = new Dictionary<string, InputValue>();

    /// <summary>Output name → the variable that receives the output.</summary>
    public IReadOnlyDictionary<string, string> Outputs { get; init; } = new Dictionary<string, string>();

    /// <summary>Children of a composite by slot name (camelCase, as in the activity descriptor).</summary>
    public IReadOnlyDictionary<string, ActivitySlot> Slots { get; init; } = new Dictionary<string, ActivitySlot>();

    /// <summary>Flowchart only: which activity's outcome leads where.</summary>
    public IReadOnlyList<Connection> Connections { get; init; } = [];

    /// <summary>Flowchart only: the first activity to run (default: the first one without incoming connections).</summary>
    public string? Start { get; init; }

    /// <summary>The designer's layout (position, size, collapsed); the engine keeps it as written.</summary>
    public JsonObject? Designer { get; init; }

    public IEnumerable<ActivityDefinition> DescendantsAndSelf()
    {
        yield return this;
        foreach (var item in Slots.Values.SelectMany(s => s.Items))
        {
            foreach (var descendant in item.Activity.DescendantsAndSelf())
            {
                yield return descendant;
            }
        }
    }
}
