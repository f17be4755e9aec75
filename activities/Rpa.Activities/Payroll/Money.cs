namespace Rpa.Activities.Payroll;

/// <summary>The payroll's one rounding rule: decimal, to cents, half away from zero (2.345 → 2.35, -2.345 → -2.35), applied to each line item.</summary>
public static class Money
{
    /// <summary>The amount rounded to cents, always written with two decimals (0.00, 12.50).</summary>
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>Hours without trailing zeros (8.50 → 8.5, 160.00 → 160), as they are shown in the register.</summary>
    public static decimal Hours(decimal hours) => hours / 1.0000000000000000000000000000m;
}
