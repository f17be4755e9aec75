namespace Rpa.Activities.Payroll;

/// <summary>The kind of hours on a timesheet row; each has its own multiplier in the rules.</summary>
public enum HoursKind
{
    Regular,
    Overtime,
    Holiday,
    Sick,
}
