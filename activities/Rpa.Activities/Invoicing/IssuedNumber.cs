namespace Rpa.Activities.Invoicing;

/// <summary>A number of a series, issued to an order; <see cref="IsNew"/> is false when the order already had it.</summary>
public sealed record IssuedNumber(string Series, string OrderId, long Number, bool IsNew)
{
    /// <summary>The printed number: the series, a dash and the number with at least <paramref name="digits"/> digits (INV-2026-000123).</summary>
    public string Format(int digits) =>
        $"{Series}-{Number.ToString(new string('0', Math.Max(1, digits)), System.Globalization.CultureInfo.InvariantCulture)}";
}
