namespace Rpa.Activities.Payroll;

/// <summary>
/// Everything country- or company-specific about a payroll, loaded from a rules file (see docs/payroll.md):
/// currency, payer, overtime threshold, multipliers, salaried overtime, tax classes, contributions and fixed deductions.
/// </summary>
public sealed record PayrollRules
{
    public required string Currency { get; init; }

    public required Payer Payer { get; init; }

    /// <summary>The most decimals a rate or salary in the employees file may have.</summary>
    public int RateDecimals { get; init; } = 2;

    /// <summary>The most decimals hours in the timesheets may have.</summary>
    public int HoursDecimals { get; init; } = 2;

    /// <summary>Regular hours beyond this, counted per <see cref="OvertimePer"/>, are paid as overtime; null: no threshold.</summary>
    public decimal? OvertimeThreshold { get; init; }

    public OvertimePeriod OvertimePer { get; init; } = OvertimePeriod.Week;

    public required HoursMultipliers Multipliers { get; init; }

    /// <summary>The hours a salary pays for; a salaried employee's overtime hour is paid salary / StandardHours × the overtime multiplier.</summary>
    public decimal SalariedStandardHours { get; init; } = 160m;

    public bool SalariedOvertimePaid { get; init; } = true;

    public required IReadOnlyDictionary<string, TaxClass> TaxClasses { get; init; }

    public IReadOnlyList<Contribution> Contributions { get; init; } = [];

    public IReadOnlyList<FixedDeduction> Deductions { get; init; } = [];
}
