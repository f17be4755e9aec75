using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Rpa.Activities.Ocr.Fields;

/// <summary>Finds the first value of a pattern in a text (dates, amounts, IBANs, ...), tolerant of the ways documents print them.</summary>
internal static partial class ValuePatterns
{
    private static readonly string[] MonthNames =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
    ];

    private static readonly Dictionary<string, int> Months = BuildMonths();

    private static readonly Dictionary<string, string> CurrencySymbols = new(StringComparer.Ordinal)
    {
        ["€"] = "EUR", ["$"] = "USD", ["£"] = "GBP", ["¥"] = "JPY", ["₹"] = "INR", ["Fr."] = "CHF",
    };

    /// <summary>The first match in <paramref name="text"/>, or null.</summary>
    public static ValueMatch? First(FieldPattern pattern, Regex? regex, string text, bool monthFirst) => pattern switch
    {
        FieldPattern.Text => text.Trim().Length == 0 ? null : new ValueMatch(text.Trim(), text.Length - text.TrimStart().Length, text.Trim().Length, 1.0),
        FieldPattern.Date => Date(text, monthFirst),
        FieldPattern.Amount => Amount(text),
        FieldPattern.Number => Number(text),
        FieldPattern.InvoiceNumber => Simple(InvoiceNumberRegex().Match(text), m => Dashes().Replace(m.Groups["v"].Value.TrimEnd('.', ',', ':'), "-")),
        FieldPattern.Iban => Iban(text),
        FieldPattern.Currency => Currency(text),
        FieldPattern.Email => Simple(EmailRegex().Match(text), m => m.Value.TrimEnd('.')),
        _ => Custom(regex!, text),
    };

    private static ValueMatch? Simple(Match m, Func<Match, string> value) =>
        m.Success ? new ValueMatch(value(m), m.Index, m.Length, 1.0) : null;

    private static ValueMatch? Custom(Regex regex, string text)
    {
        var m = regex.Match(text);
        if (!m.Success) return null;
        var group = m.Groups.Count > 1 && m.Groups[1].Success ? m.Groups[1] : m.Groups[0];
        return new ValueMatch(group.Value.Trim(), group.Index, group.Length, 1.0);
    }

    private static ValueMatch? Amount(string text)
    {
        var m = AmountRegex().Match(text);
        if (!m.Success) return null;
        var number = m.Groups["num"].Value;
        var separator = number.LastIndexOfAny(['.', ',']);
        var digits = new string(number[..separator].Where(char.IsAsciiDigit).ToArray()) + "." + number[(separator + 1)..];
        var value = decimal.Parse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

        // Invoices print credit as words ("Credit", "Refund"); a '-' glued to an amount is more often a speck.
        return m.Groups["neg"].Success
            ? new ValueMatch(value, m.Index, m.Length, 0.8, "a '-' before the amount was ignored")
            : new ValueMatch(value, m.Index, m.Length, 1.0);
    }

    private static ValueMatch? Number(string text)
    {
        var m = NumberRegex().Match(text);
        if (!m.Success) return null;
        var value = decimal.Parse(m.Value.Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return new ValueMatch(value, m.Index, m.Length, 1.0);
    }

    private static ValueMatch? Currency(string text)
    {
        var m = CurrencyRegex().Match(text);
        if (!m.Success) return null;
        var code = m.Groups["code"].Success ? m.Groups["code"].Value.ToUpperInvariant() : CurrencySymbols[m.Groups["symbol"].Value];
        return new ValueMatch(code, m.Index, m.Length, m.Groups["code"].Success ? 1.0 : 0.9);
    }

    private static ValueMatch? Iban(string text)
    {
        foreach (Match m in IbanRegex().Matches(text.ToUpperInvariant()))
        {
            // The greedy match may run into the next word; drop trailing groups until the check digits agree.
            var groups = m.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var count = groups.Length; count >= 1; count--)
            {
                var candidate = string.Concat(groups.Take(count));
                if (candidate.Length is < 15 or > 34) continue;
                if (IbanChecks(candidate))
                {
                    var length = string.Join(' ', groups.Take(count)).Length;
                    return new ValueMatch(candidate, m.Index, length, 1.0);
                }
            }

            var whole = string.Concat(groups);
            if (whole.Length is >= 15 and <= 34) return new ValueMatch(whole, m.Index, m.Length, 0.4, "the IBAN's check digits do not match (misread?)");
        }

        return null;
    }

    /// <summary>ISO 13616: move the first four characters to the end, letters to numbers, the whole mod 97 is 1.</summary>
    public static bool IbanChecks(string iban)
    {
        if (!iban.All(char.IsAsciiLetterOrDigit)) return false;
        var rearranged = iban[4..] + iban[..4];
        var digits = string.Concat(rearranged.Select(c => char.IsAsciiDigit(c) ? c.ToString() : (c - 'A' + 10).ToString(CultureInfo.InvariantCulture)));
        return BigInteger.Parse(digits, CultureInfo.InvariantCulture) % 97 == 1;
    }

    private static ValueMatch? Date(string text, bool monthFirst)
    {
        var found = new List<ValueMatch>();
        foreach (Match m in IsoDateRegex().Matches(text))
        {
            if (MakeDate(m.Groups[1].Value, m.Groups[2].Value, m.Groups[3].Value) is { } d) found.Add(new ValueMatch(d, m.Index, m.Length, 1.0));
        }

        foreach (Match m in NumericDateRegex().Matches(text))
        {
            int a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
            var year = m.Groups[3].Value.Length == 2 ? "20" + m.Groups[3].Value : m.Groups[3].Value;
            var (day, month, validity) = a > 12 ? (a, b, 1.0) : b > 12 ? (b, a, 1.0) : monthFirst ? (b, a, 0.9) : (a, b, 0.9);
            if (MakeDate(year, month.ToString(CultureInfo.InvariantCulture), day.ToString(CultureInfo.InvariantCulture)) is { } d)
            {
                found.Add(new ValueMatch(d, m.Index, m.Length, a <= 12 && b <= 12 && a != b ? validity : 1.0));
            }
        }

        foreach (Match m in DayMonthYearRegex().Matches(text))
        {
            if (Month(m.Groups["month"].Value) is { } month && MakeDate(m.Groups["year"].Value, month, m.Groups["day"].Value) is { } d) found.Add(new ValueMatch(d, m.Index, m.Length, 1.0));
        }

        foreach (Match m in MonthDayYearRegex().Matches(text))
        {
            if (Month(m.Groups["month"].Value) is { } month && MakeDate(m.Groups["year"].Value, month, m.Groups["day"].Value) is { } d) found.Add(new ValueMatch(d, m.Index, m.Length, 1.0));
        }

        return found.OrderBy(f => f.Index).FirstOrDefault();
    }

    private static string? Month(string name)
    {
        var key = name.ToLowerInvariant().TrimEnd('.');
        return Months.TryGetValue(key, out var number) ? number.ToString(CultureInfo.InvariantCulture) : null;
    }

    private static string? MakeDate(string year, string month, string day)
    {
        int y = int.Parse(year, CultureInfo.InvariantCulture), m = int.Parse(month, CultureInfo.InvariantCulture), d = int.Parse(day, CultureInfo.InvariantCulture);
        if (y is < 1900 or > 2200 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m)) return null;
        return new DateOnly(y, m, d).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static Dictionary<string, int> BuildMonths()
    {
        var months = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < MonthNames.Length; i++)
        {
            months[MonthNames[i]] = i + 1;
            months[MonthNames[i][..3]] = i + 1;
        }

        months["sept"] = 9;
        foreach (var (name, number) in new[] { ("januar", 1), ("februar", 2), ("märz", 3), ("maerz", 3), ("mai", 5), ("juni", 6), ("juli", 7), ("oktober", 10), ("okt", 10), ("dezember", 12), ("dez", 12) })
        {
            months[name] = number;
        }

        return months;
    }

    private const string MonthPattern = @"(?<month>[A-Za-zä]{3,9}\.?)";

    [GeneratedRegex(@"(?<![\d.,])(?<neg>-)?(?:(?:[A-Z]{3}|[€$£¥])\s?)?(?<num>\d{1,3}(?:[.,'’]\d{3})+[.,]\d{2}|\d+[.,]\d{2})(?![.,]?\d)(?!\s?%)")]
    private static partial Regex AmountRegex();

    [GeneratedRegex(@"(?<![\d.,])-?\d+(?:[.,]\d+)?(?![\d])")]
    private static partial Regex NumberRegex();

    [GeneratedRegex(@"(?<![A-Za-z0-9])#?\s?(?<v>[A-Za-z0-9][A-Za-z0-9\-–—/_.]*\d[A-Za-z0-9\-–—/_.]*)")]
    private static partial Regex InvoiceNumberRegex();

    [GeneratedRegex(@"(?<![A-Za-z])(?<code>EUR|USD|GBP|CHF|JPY|CAD|AUD|NZD|SEK|NOK|DKK|PLN|CZK|HUF|INR|CNY|ZAR|SGD|HKD)(?![A-Za-z])|(?<symbol>[€$£¥₹]|Fr\.)", RegexOptions.IgnoreCase)]
    private static partial Regex CurrencyRegex();

    [GeneratedRegex(@"(?<![A-Z0-9])[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,3})?(?![A-Z0-9])")]
    private static partial Regex IbanRegex();

    [GeneratedRegex("[–—]")]
    private static partial Regex Dashes();

    [GeneratedRegex(@"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")]
    private static partial Regex EmailRegex();

    [GeneratedRegex(@"(?<!\d)(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?!\d)")]
    private static partial Regex IsoDateRegex();

    [GeneratedRegex(@"(?<![\d.])(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})(?![\d])")]
    private static partial Regex NumericDateRegex();

    [GeneratedRegex(@"(?<!\d)(?<day>\d{1,2})(?:st|nd|rd|th)?\.?\s+" + MonthPattern + @"[,.]*\s*(?<year>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonthYearRegex();

    [GeneratedRegex(MonthPattern + @"\s+(?<day>\d{1,2})(?:st|nd|rd|th)?[,.]*\s*(?<year>\d{4})(?!\d)", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDayYearRegex();
}
