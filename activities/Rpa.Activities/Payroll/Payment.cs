namespace Rpa.Activities.Payroll;

/// <summary>One credit transfer of net pay to an employee's account.</summary>
public sealed record Payment(string EmployeeId, string Name, string Iban, decimal Amount);
