using System.Globalization;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

/// <summary>Turns text (CSV fields, text cells, values to validate) into typed values and values into text, in a given culture.</summary>
internal static class TextValues
{
    private const NumberStyles NumberStyle = NumberStyles.Number | NumberStyles.AllowExponent;

    /// <summary>Parses a number; thousands separators must group three digits, so "1,5" is not read as 15 in the invariant culture.</summary>
    public static bool TryParseNumber(string text, CultureInfo culture, out decimal value)
    {
        var trimmed = text.Trim();
        return decimal.TryParse(trimmed, NumberStyle, culture, out value) && HasValidGroups(trimmed, culture.NumberFormat);
    }

    private static bool HasValidGroups(string text, NumberFormatInfo format)
    {
        var separator = format.NumberGroupSeparator;
        if (separator.Length == 0 || !text.Contains(separator, StringComparison.Ordinal)) return true;
        if (format.NumberGroupSizes is not [3]) return true;

        var end = text.IndexOf(format.NumberDecimalSeparator, StringComparison.Ordinal);
        var exponent = text.IndexOfAny(['e', 'E']);
        if (end < 0 || (exponent >= 0 && exponent < end)) end = exponent;
        var integer = (end < 0 ? text : text[..end]).Trim().TrimStart('+', '-', '(').TrimEnd('+', '-', ')').Trim();
        var groups = integer.Split(separator);
        return groups[0].Length is >= 1 and <= 3 && groups.Skip(1).All(g => g.Length == 3);
    }

    public static bool TryParseDate(string text, CultureInfo culture, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text.Trim(), culture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);

    public static bool TryParseBool(string text, out bool value)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "true" or "yes" or "y" or "1":
                value = true;
                return true;
            case "false" or "no" or "n" or "0":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>
    /// The text of a value (a CSV field, a validated value): numbers without grouping in <paramref name="culture"/>, dates as ISO 8601 (just the date when
    /// it is midnight UTC), bools as true/false; <paramref name="format"/> (a .NET format string) overrides numbers and dates.
    /// </summary>
    /// <exception cref="FormatException">The format does not fit the value.</exception>
    public static string Format(object? value, string? format, CultureInfo culture) => ValueConverter.Normalize(value) switch
    {
        null => "",
        string s => s,
        decimal d => d.ToString(format, culture),
        bool b => b ? "true" : "false",
        DateTimeOffset d when format is not null => d.ToString(format, culture),
        DateTimeOffset d when d.Offset == TimeSpan.Zero && d.TimeOfDay == TimeSpan.Zero => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture),
        var other => ValueConverter.ToText(other),
    };
}
