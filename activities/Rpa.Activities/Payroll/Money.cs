namespace Rpa.Activities.Payroll;

/// <summary>The payroll's one rounding rule: decimal, to cents, half away from zero (2.345 → 2.35, -2.345 → -2.35), applied to each line item.</summary>
public static class Money
{
    public static decimal Round(decimal amount) => Math.Round(amount, 2, MidpointRounding.AwayFromZero);
}
