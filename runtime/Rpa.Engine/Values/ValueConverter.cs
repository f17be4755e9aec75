using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rpa.Engine.Values;

/// <summary>
/// Converts values between the shapes they arrive in (JSON literals, expression results, command-line text)
/// and the CLR types inputs and variables declare. Numbers are always <see cref="decimal"/>.
/// </summary>
public static partial class ValueConverter
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static object? ConvertTo(object? value, DataType type) => Convert(value, DataTypes.ClrType(type));

    public static T Convert<T>(object? value) => (T)Convert(value, typeof(T))!;

    public static object? Convert(object? value, Type target)
    {
        // A JSON value (inputs of a run started through an API) converts like the value it holds.
        if (value is JsonNode or JsonElement) value = Normalize(value);
        var underlying = Nullable.GetUnderlyingType(target);
        if (value is null)
        {
            if (!target.IsValueType || underlying is not null) return null;
            throw new ValueConversionException($"expected {Describe(target)} but got null");
        }

        target = underlying ?? target;
        if (target == typeof(object)) return Normalize(value);
        if (target.IsInstanceOfType(value) && target != typeof(List<object?>) && target != typeof(Dictionary<string, object?>)) return value;

        try
        {
            return ConvertCore(value, target);
        }
        catch (Exception e) when (e is FormatException or OverflowException or InvalidCastException)
        {
            throw Mismatch(value, target);
        }
    }

    private static object? ConvertCore(object value, Type target)
    {
        if (target == typeof(string)) return ToText(value);
        if (target == typeof(decimal)) return ToDecimal(value);
        if (target == typeof(int)) return (int)WholeNumber(value);
        if (target == typeof(long)) return (long)WholeNumber(value);
        if (target == typeof(double)) return (double)ToDecimal(value);
        if (target == typeof(bool)) return ToBool(value);
        if (target == typeof(DateTimeOffset)) return ToDateTime(value);
        if (target == typeof(DateTime)) return ToDateTime(value).UtcDateTime;
        if (target == typeof(TimeSpan)) return ToTimeSpan(value);
        if (target.IsEnum) return ToEnum(value, target);
        if (target == typeof(Table)) return ToTable(value);
        if (target == typeof(List<object?>) || target == typeof(IReadOnlyList<object?>) || target == typeof(IList<object?>) || target == typeof(IEnumerable<object?>)) return ToList(value);
        if (target == typeof(List<string>) || target == typeof(IReadOnlyList<string>)) return ToList(value).Select(ToText).ToList();
        if (target == typeof(Dictionary<string, object?>) || target == typeof(IReadOnlyDictionary<string, object?>) || target == typeof(IDictionary<string, object?>)) return ToObject(value);
        throw Mismatch(value, target);
    }

    /// <summary>Brings any value into the engine's canonical shapes (decimal numbers, List, Dictionary, Table).</summary>
    public static object? Normalize(object? value) => value switch
    {
        null => null,
        string or decimal or bool or DateTimeOffset or Table or TableRow => value,
        int i => (decimal)i,
        long l => (decimal)l,
        double d => DoubleToDecimal(d),
        float f => DoubleToDecimal(f),
        DateTime dt => new DateTimeOffset(dt.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(dt, DateTimeKind.Utc) : dt),
        JsonNode node => FromJson(node),
        JsonElement element => FromJson(JsonSerializer.SerializeToNode(element)),
        Dictionary<string, object?> => value,
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToDictionary(p => p.Key, p => Normalize(p.Value)),
        List<object?> => value,
        IEnumerable e => e.Cast<object?>().Select(Normalize).ToList(),
        Enum en => en.ToString(),
        TimeSpan ts => ts.ToString("c", Invariant),
        _ => value,
    };

    public static string ToText(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => d.ToString(Invariant),
        bool b => b ? "true" : "false",
        DateTimeOffset dto => dto.ToString("O", Invariant),
        DateTime dt => dt.ToString("O", Invariant),
        IFormattable f => f.ToString(null, Invariant),
        Table or TableRow or IEnumerable => ToJson(value)?.ToJsonString() ?? "",
        _ => value.ToString() ?? "",
    };

    private static decimal ToDecimal(object value) => value switch
    {
        decimal d => d,
        int i => i,
        long l => l,
        double d => DoubleToDecimal(d),
        float f => DoubleToDecimal(f),
        bool b => b ? 1 : 0,
        string s => ParseNumber(s),
        _ => throw new InvalidCastException(),
    };

    /// <summary>Invariant-culture numbers; ',' is accepted only as a thousands separator between groups of three digits.</summary>
    private static decimal ParseNumber(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.Contains(',', StringComparison.Ordinal))
        {
            if (!GroupedNumber().IsMatch(trimmed)) throw new FormatException();
            trimmed = trimmed.Replace(",", "", StringComparison.Ordinal);
        }

        return decimal.Parse(trimmed, NumberStyles.Float, Invariant);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$")]
    private static partial System.Text.RegularExpressions.Regex GroupedNumber();

    private static decimal WholeNumber(object value)
    {
        var number = ToDecimal(value);
        return number == decimal.Truncate(number) ? number : throw new ValueConversionException($"expected a whole number but got {number.ToString(Invariant)}");
    }

    private static decimal DoubleToDecimal(double d)
    {
        if (double.IsNaN(d) || double.IsInfinity(d)) throw new ValueConversionException($"expected a number but got {d}");
        return (decimal)d;
    }

    private static bool ToBool(object value) => value switch
    {
        bool b => b,
        decimal d => d != 0,
        string s when s.Trim().ToLowerInvariant() is "true" or "yes" or "1" => true,
        string s when s.Trim().ToLowerInvariant() is "false" or "no" or "0" or "" => false,
        _ => throw new InvalidCastException(),
    };

    private static DateTimeOffset ToDateTime(object value) => value switch
    {
        DateTimeOffset d => d,
        DateTime d => new DateTimeOffset(d.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : d),
        DateOnly d => new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero),
        string s => DateTimeOffset.Parse(s, Invariant, DateTimeStyles.AssumeUniversal),
        _ => throw new InvalidCastException(),
    };

    private static TimeSpan ToTimeSpan(object value) => value switch
    {
        TimeSpan t => t,
        decimal d => TimeSpan.FromSeconds((double)d),
        string s => TimeSpan.Parse(s, Invariant),
        _ => throw new InvalidCastException(),
    };

    private static object ToEnum(object value, Type target)
    {
        if (value is string s && Enum.TryParse(target, s, ignoreCase: true, out var parsed) && Enum.IsDefined(target, parsed!)) return parsed!;
        throw new ValueConversionException($"expected one of {string.Join(", ", Enum.GetNames(target))} but got '{ToText(value)}'");
    }

    private static Table ToTable(object value) => value switch
    {
        Table t => t,
        string => throw new InvalidCastException(),
        IEnumerable e => Table.FromObjects(e.Cast<object?>().Select(Normalize)),
        _ => throw new InvalidCastException(),
    };

    private static List<object?> ToList(object value) => value switch
    {
        List<object?> list => list,
        Table t => t.Rows.Cast<object?>().ToList(),
        string => throw new InvalidCastException(),
        IEnumerable<KeyValuePair<string, object?>> => throw new InvalidCastException(),
        IEnumerable e => e.Cast<object?>().Select(Normalize).ToList(),
        _ => throw new InvalidCastException(),
    };

    private static Dictionary<string, object?> ToObject(object value) => value switch
    {
        Dictionary<string, object?> d => d,
        TableRow row => row.ToDictionary(),
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToDictionary(p => p.Key, p => Normalize(p.Value)),
        _ => throw new InvalidCastException(),
    };

    private static ValueConversionException Mismatch(object value, Type target)
    {
        var shown = value is string s ? $"text '{Truncate(s)}'" : $"{DataTypes.Describe(value)} {Truncate(ToText(value))}";
        return new ValueConversionException($"expected {Describe(target)} but got {shown}");
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static string Describe(Type target) =>
        target.IsEnum ? $"one of {string.Join(", ", Enum.GetNames(target))}" : DataTypes.ToName(DataTypes.FromClr(target));

    /// <summary>Reads a JSON literal into the engine's canonical shapes.</summary>
    public static object? FromJson(JsonNode? node) => node switch
    {
        null => null,
        JsonObject o => o.ToDictionary(p => p.Key, p => FromJson(p.Value)),
        JsonArray a => a.Select(FromJson).ToList(),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.Number => v.TryGetValue<decimal>(out var d) ? d : ParseJsonNumber(v.ToJsonString()),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
        _ => null,
    };

    private static decimal ParseJsonNumber(string json) =>
        decimal.TryParse(json, NumberStyles.Float, Invariant, out var d)
            ? d
            : throw new ValueConversionException($"the number {Truncate(json)} is too large for a number a bot can use");

    /// <summary>Writes a value as JSON (dates as ISO 8601 text, tables as arrays of row objects).</summary>
    public static JsonNode? ToJson(object? value) => value switch
    {
        null => null,
        JsonNode node => node.DeepClone(),
        string s => JsonValue.Create(s),
        decimal d => JsonValue.Create(d),
        int i => JsonValue.Create(i),
        long l => JsonValue.Create(l),
        double d => JsonValue.Create(d),
        bool b => JsonValue.Create(b),
        DateTimeOffset dto => JsonValue.Create(dto.ToString("O", Invariant)),
        DateTime dt => JsonValue.Create(dt.ToString("O", Invariant)),
        Enum e => JsonValue.Create(e.ToString()),
        TimeSpan ts => JsonValue.Create(ts.ToString("c", Invariant)),
        Table t => new JsonArray(t.Rows.Select(r => ToJson(r)).ToArray()),
        IEnumerable<KeyValuePair<string, object?>> pairs => new JsonObject(pairs.Select(p => KeyValuePair.Create(p.Key, ToJson(p.Value)))),
        IEnumerable e => new JsonArray(e.Cast<object?>().Select(ToJson).ToArray()),
        _ => JsonValue.Create(value.ToString()),
    };
}
