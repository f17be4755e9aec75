namespace Rpa.Activities.Payroll;

/// <summary>A marginal rate for the taxable base up to <see cref="UpTo"/> (the last bracket has no upper bound: null).</summary>
public sealed record TaxBracket(decimal? UpTo, decimal Rate);
