using System.Text.Json.Nodes;

namespace Rpa.Host.Api.Security;

/// <summary>Strict reading of the small JSON bodies of the security endpoints: unknown fields and wrong types are 400s that say which.</summary>
internal static class JsonFields
{
    /// <summary>The first field not in <paramref name="allowed"/>, as an error, or null.</summary>
    public static string? Unknown(JsonObject body, params string[] allowed)
    {
        var unknown = body.Select(p => p.Key).FirstOrDefault(k => !allowed.Contains(k, StringComparer.Ordinal));
        return unknown is null ? null : $"Unknown field '{unknown}'; the fields are: {string.Join(", ", allowed)}.";
    }

    /// <summary>A string field: null value when absent; an error when present but not a string or longer than <paramref name="max"/>.</summary>
    public static (string? Value, string? Error) Text(JsonObject body, string name, bool required, int max = 200)
    {
        var node = body[name];
        if (node is null) return required ? (null, $"'{name}' is required.") : (null, null);
        if (node is not JsonValue value || !value.TryGetValue<string>(out var text)) return (null, $"'{name}' must be a string.");
        if (required && text.Length == 0) return (null, $"'{name}' must not be empty.");
        if (text.Length > max) return (null, $"'{name}' is longer than {max} characters.");
        return (text, null);
    }
}
