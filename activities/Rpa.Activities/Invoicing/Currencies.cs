using Rpa.Engine.Activities;

namespace Rpa.Activities.Invoicing;

/// <summary>ISO 4217 currency codes and their minor units (decimals): 2 unless listed here.</summary>
public static class Currencies
{
    private static readonly Dictionary<string, int> Exceptions = new(StringComparer.Ordinal)
    {
        // No minor unit.
        ["BIF"] = 0, ["CLP"] = 0, ["DJF"] = 0, ["GNF"] = 0, ["ISK"] = 0, ["JPY"] = 0, ["KMF"] = 0, ["KRW"] = 0,
        ["PYG"] = 0, ["RWF"] = 0, ["UGX"] = 0, ["UYI"] = 0, ["VND"] = 0, ["VUV"] = 0, ["XAF"] = 0, ["XOF"] = 0, ["XPF"] = 0,
        // Thousandths.
        ["BHD"] = 3, ["IQD"] = 3, ["JOD"] = 3, ["KWD"] = 3, ["LYD"] = 3, ["OMR"] = 3, ["TND"] = 3,
    };

    /// <summary>The number of decimals of the currency's minor unit (EUR 2, JPY 0, KWD 3).</summary>
    public static int MinorUnits(string currency) => Exceptions.TryGetValue(currency, out var digits) ? digits : 2;

    /// <summary>Whether <paramref name="code"/> looks like an ISO 4217 code: three letters A-Z.</summary>
    public static bool IsCode(string code) => code.Length == 3 && code.All(c => c is >= 'A' and <= 'Z');

    /// <summary>Rounds half away from zero to the currency's minor unit: 2.345 EUR → 2.35, −2.345 → −2.35, 12.5 JPY → 13.</summary>
    public static decimal Round(decimal amount, string currency) =>
        Math.Round(amount, MinorUnits(currency), MidpointRounding.AwayFromZero);

    /// <summary>An amount with exactly the currency's decimals and thousands separators: 1,234.50.</summary>
    public static string Format(decimal amount, string currency) =>
        amount.ToString("N" + MinorUnits(currency), System.Globalization.CultureInfo.InvariantCulture);

    public static string Check(string currency) =>
        IsCode(currency) ? currency : throw new ActivityException($"the currency '{currency}' is not an ISO 4217 code such as EUR or USD");
}
