using System.Text.Json;

namespace Rpa.Activities.Browser;

/// <summary>Reads the JSON values page scripts return (Playwright hands them over as <see cref="JsonElement"/>).</summary>
internal static class JsonResults
{
    public static string[] Strings(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.ToString()).ToArray()
            : [];

    public static string? String(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    public static int Int(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : 0;

    public static string[][] Rows(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString() ?? "").ToArray()).ToArray()
            : [];
}
