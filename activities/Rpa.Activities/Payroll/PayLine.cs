namespace Rpa.Activities.Payroll;

/// <summary>A named amount on a payslip (a contribution or a fixed deduction), already rounded to cents.</summary>
public sealed record PayLine(string Name, decimal Amount);
