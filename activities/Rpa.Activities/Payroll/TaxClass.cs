namespace Rpa.Activities.Payroll;

/// <summary>A tax class: an allowance taken off the taxable base, then progressive brackets.</summary>
public sealed record TaxClass(string Name, decimal Allowance, IReadOnlyList<TaxBracket> Brackets);
