namespace Rpa.Activities.Payroll;

/// <summary>One employee: the hourly rate or the salary per pay period, the tax class (a key of the rules' taxClasses) and the account paid into.</summary>
public sealed record Employee(string Id, string Name, PayType PayType, decimal Rate, string TaxClass, string Iban);
