namespace Rpa.Activities.Payroll;

/// <summary>An employee contribution (pension, health insurance, ...): a rate of gross pay up to a cap on the base; pre-tax ones lower the taxable base.</summary>
public sealed record Contribution(string Name, decimal Rate, decimal? Cap, bool PreTax);
