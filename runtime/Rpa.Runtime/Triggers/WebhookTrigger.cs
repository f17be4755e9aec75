using System.Text.Json.Nodes;

namespace Rpa.Runtime.Triggers;

/// <summary>
/// <c>POST /api/hooks/{bot}/{name}</c> with a JSON body, authenticated by the hook's secret. <see cref="Inputs"/> maps
/// an input name to a JSON pointer (RFC 6901) into the body ("/order/id"; "" is the whole body); without a mapping
/// the body's properties are the inputs.
/// </summary>
public sealed record WebhookTrigger(string Name, IReadOnlyDictionary<string, string>? Inputs) : TriggerDefinition(Name)
{
    public const string TypeName = "webhook";

    public override string Type => TypeName;

    public override string RunTrigger => $"webhook:{Name}";

    /// <summary>The inputs of a run for <paramref name="body"/>, or the problems (input name and reason) that keep the body from mapping.</summary>
    public (JsonObject? Inputs, IReadOnlyList<(string Input, string Reason)> Problems) Map(JsonNode? body)
    {
        if (Inputs is null)
        {
            return body is JsonObject whole
                ? ((JsonObject)whole.DeepClone(), [])
                : (null, [("*", "the body must be a JSON object of input name: value (this hook maps no inputs)")]);
        }

        var inputs = new JsonObject();
        var problems = new List<(string, string)>();
        foreach (var (input, pointer) in Inputs)
        {
            if (JsonPointer.TryResolve(body, pointer, out var value)) inputs[input] = value?.DeepClone();
            else problems.Add((input, $"the body has no value at '{pointer}'"));
        }

        return problems.Count == 0 ? (inputs, []) : (null, problems);
    }
}
