namespace Rpa.Activities.Payroll;

/// <summary>What the overtime threshold counts: regular hours per day, per ISO week (Monday to Sunday), or per pay period.</summary>
public enum OvertimePeriod
{
    Day,
    Week,
    Period,
}
