namespace Rpa.Activities.Payroll;

/// <summary>What an hour of each kind pays, as a multiple of the hourly rate.</summary>
public sealed record HoursMultipliers(decimal Regular, decimal Overtime, decimal Holiday, decimal Sick)
{
    public decimal For(HoursKind kind) => kind switch
    {
        HoursKind.Regular => Regular,
        HoursKind.Overtime => Overtime,
        HoursKind.Holiday => Holiday,
        _ => Sick,
    };
}
