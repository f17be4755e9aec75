using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Rpa.Host.Api;

/// <summary>Reads request bodies as JSON ourselves, so malformed JSON is a 400 problem that says where, never a 500.</summary>
internal static class ApiJson
{
    public static async Task<(string? Text, string? Error)> ReadTextAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        var text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(text) ? (null, "The request has no body; send JSON.") : (text, null);
    }

    public static async Task<(JsonObject? Body, string? Error)> ReadObjectAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (text, error) = await ReadTextAsync(request, cancellationToken).ConfigureAwait(false);
        if (text is null) return (null, error);
        try
        {
            if (JsonNode.Parse(text) is not JsonObject body) return (null, "The body must be a JSON object.");
            return HasInvalidText(body) ? (null, "The body has a string that is not valid text (a lone \\uD800-\\uDFFF escape).") : (body, null);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON: {e.Message}");
        }
        catch (ArgumentException e)
        {
            // JsonObject refuses a property name that appears twice when it is first enumerated.
            return (null, $"The body is not valid JSON: {e.Message}");
        }
    }

    /// <summary>A string (or property name) with a lone surrogate escape, which System.Text.Json refuses to read as a string later.</summary>
    private static bool HasInvalidText(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject o:
                return o.Any(p => HasInvalidText(p.Value));
            case JsonArray a:
                return a.Any(HasInvalidText);
            case JsonValue v when v.GetValueKind() == JsonValueKind.String:
                try
                {
                    v.GetValue<string>();
                    return false;
                }
                catch (InvalidOperationException)
                {
                    return true;
                }

            default:
                return false;
        }
    }

    public static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
