using System.Diagnostics.CodeAnalysis;

namespace Rpa.Activities.Payroll;

/// <summary>
/// Checks an IBAN (ISO 13616): two letters for the country, two check digits, then letters and digits, with the length the country
/// uses (for the countries listed here) and the mod-97 check of the check digits. Spaces (the print format) are removed.
/// </summary>
public static class Iban
{
    /// <summary>IBAN lengths of the SEPA countries (from the SWIFT IBAN registry); other countries are checked for 15 to 34 characters.</summary>
    private static readonly Dictionary<string, int> Lengths = new(StringComparer.Ordinal)
    {
        ["AD"] = 24, ["AT"] = 20, ["BE"] = 16, ["BG"] = 22, ["CH"] = 21, ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DK"] = 18,
        ["EE"] = 20, ["ES"] = 24, ["FI"] = 18, ["FR"] = 27, ["GB"] = 22, ["GI"] = 23, ["GR"] = 27, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IS"] = 26, ["IT"] = 27, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21, ["MC"] = 27, ["MT"] = 31,
        ["NL"] = 18, ["NO"] = 15, ["PL"] = 28, ["PT"] = 25, ["RO"] = 24, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27,
        ["VA"] = 22,
    };

    public static bool IsValid(string? text) => TryNormalize(text, out _, out _);

    /// <summary>The IBAN in its electronic format (upper case, no spaces) when it is valid; otherwise the reason it is not.</summary>
    public static bool TryNormalize(string? text, [NotNullWhen(true)] out string? iban, out string reason)
    {
        iban = null;
        var value = (text ?? "").Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        reason = Check(value, text ?? "");
        if (reason.Length > 0) return false;
        iban = value;
        return true;
    }

    private static string Check(string value, string given)
    {
        if (value.Length == 0) return "the IBAN is empty";
        if (!value.All(char.IsAsciiLetterOrDigit)) return $"'{given}' is not an IBAN: only letters, digits and spaces are allowed";
        if (value.Length < 4 || !char.IsAsciiLetter(value[0]) || !char.IsAsciiLetter(value[1]) || !char.IsAsciiDigit(value[2]) || !char.IsAsciiDigit(value[3]))
        {
            return $"'{given}' is not an IBAN: it starts with a two-letter country code and two check digits (such as DE89...)";
        }

        var country = value[..2];
        if (Lengths.TryGetValue(country, out var length))
        {
            if (value.Length != length) return $"'{given}' is not an IBAN: {country} IBANs have {length} characters, this one has {value.Length}";
        }
        else if (value.Length is < 15 or > 34)
        {
            return $"'{given}' is not an IBAN: it has {value.Length} characters (15 to 34)";
        }

        return Mod97(value) == 1 ? "" : $"'{given}' is not an IBAN: the check digits {value[2..4]} do not match (mod-97 check failed; is a digit mistyped?)";
    }

    /// <summary>The remainder mod 97 of the number formed by moving the first four characters to the end and letters to 10..35.</summary>
    private static int Mod97(string value)
    {
        var remainder = 0;
        foreach (var c in value[4..] + value[..4])
        {
            var digits = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            remainder = digits < 10 ? (remainder * 10 + digits) % 97 : (remainder * 100 + digits) % 97;
        }

        return remainder;
    }

    /// <summary>The IBAN with check digits computed for the country and account part (used to make test data and sample files).</summary>
    public static string Create(string country, string account)
    {
        var body = account.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var check = 98 - Mod97(country.ToUpperInvariant() + "00" + body);
        return $"{country.ToUpperInvariant()}{check:00}{body}";
    }
}
