namespace Rpa.Activities.Payroll;

/// <summary>A fixed amount deducted every pay period (union fee, meal vouchers, ...); pre-tax ones lower the taxable base.</summary>
public sealed record FixedDeduction(string Name, decimal Amount, bool PreTax);
