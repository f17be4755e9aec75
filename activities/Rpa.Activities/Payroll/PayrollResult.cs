namespace Rpa.Activities.Payroll;

/// <summary>
/// The pay of one employee for one period. Every amount is rounded to cents on its own line (see <see cref="Money.Round"/>), and the
/// totals are sums of rounded lines, so Gross = TotalDeductions + Net holds exactly.
/// </summary>
public sealed record PayrollResult
{
    public required Employee Employee { get; init; }

    public decimal RegularHours { get; init; }

    public decimal OvertimeHours { get; init; }

    public decimal HolidayHours { get; init; }

    public decimal SickHours { get; init; }

    public decimal RegularPay { get; init; }

    public decimal OvertimePay { get; init; }

    public decimal HolidayPay { get; init; }

    public decimal SickPay { get; init; }

    public decimal Gross => RegularPay + OvertimePay + HolidayPay + SickPay;

    public required IReadOnlyList<PayLine> Contributions { get; init; }

    public decimal TaxableBase { get; init; }

    public decimal Tax { get; init; }

    public required IReadOnlyList<PayLine> Deductions { get; init; }

    public decimal TotalDeductions => Contributions.Sum(c => c.Amount) + Tax + Deductions.Sum(d => d.Amount);

    public decimal Net => Gross - TotalDeductions;
}
