using System.Globalization;
using System.Text.Json.Nodes;

namespace Rpa.Runtime.Triggers;

/// <summary>JSON pointers (RFC 6901): "" is the whole document, "/a/0/b" a property, an array index, a property; "~1" is '/', "~0" is '~'.</summary>
public static class JsonPointer
{
    public static bool IsValid(string pointer) => pointer.Length == 0 || pointer[0] == '/';

    /// <summary>Finds the value at <paramref name="pointer"/>; false when a step is missing (a JSON null that is there is found).</summary>
    public static bool TryResolve(JsonNode? document, string pointer, out JsonNode? value)
    {
        value = document;
        if (pointer.Length == 0) return document is not null;
        if (!IsValid(pointer)) return false;
        foreach (var raw in pointer[1..].Split('/'))
        {
            var token = raw.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            switch (value)
            {
                case JsonObject obj when obj.TryGetPropertyValue(token, out var child):
                    value = child;
                    break;
                case JsonArray array when int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < array.Count:
                    value = array[index];
                    break;
                default:
                    value = null;
                    return false;
            }
        }

        return true;
    }
}
