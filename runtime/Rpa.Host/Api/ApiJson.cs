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
            return JsonNode.Parse(text) is JsonObject body ? (body, null) : (null, "The body must be a JSON object.");
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON: {e.Message}");
        }
    }

    public static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);
}
