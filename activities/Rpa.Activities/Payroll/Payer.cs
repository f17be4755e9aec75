namespace Rpa.Activities.Payroll;

/// <summary>The employer whose account pays the salaries: the debtor of the payment file.</summary>
public sealed record Payer(string Name, string Iban, string? Bic);
