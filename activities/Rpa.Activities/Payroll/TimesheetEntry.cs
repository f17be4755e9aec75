namespace Rpa.Activities.Payroll;

/// <summary>Hours of one kind that an employee worked (or was on holiday or sick) on one day.</summary>
public sealed record TimesheetEntry(string EmployeeId, DateOnly Date, decimal Hours, HoursKind Kind);
