namespace Rpa.Activities.Payroll;

/// <summary>
/// Computes each employee's gross, contributions, taxable base, tax, fixed deductions and net from checked input and the rules.
/// Pure: no I/O, no clock. The steps and the rounding are described in docs/payroll.md.
/// </summary>
public sealed class PayrollCalculator(PayrollRules rules)
{
    public PayrollRules Rules { get; } = rules;

    public IReadOnlyList<PayrollResult> Calculate(IReadOnlyList<Employee> employees, IReadOnlyList<TimesheetEntry> timesheets)
    {
        var byEmployee = timesheets.ToLookup(t => t.EmployeeId, StringComparer.Ordinal);
        return employees.Select(e => Calculate(e, byEmployee[e.Id].ToList())).ToList();
    }

    public PayrollResult Calculate(Employee employee, IReadOnlyList<TimesheetEntry> entries)
    {
        decimal recordedOvertime = 0m, holiday = 0m, sick = 0m;
        var regularHours = new List<TimesheetEntry>(entries.Count);
        foreach (var entry in entries)
        {
            switch (entry.Kind)
            {
                case HoursKind.Regular:
                    regularHours.Add(entry);
                    break;
                case HoursKind.Overtime:
                    recordedOvertime += entry.Hours;
                    break;
                case HoursKind.Holiday:
                    holiday += entry.Hours;
                    break;
                default:
                    sick += entry.Hours;
                    break;
            }
        }

        var (regular, excess) = SplitRegular(regularHours);
        var overtime = excess + recordedOvertime;
        var m = Rules.Multipliers;

        decimal regularPay, overtimePay, holidayPay, sickPay;
        if (employee.PayType == PayType.Hourly)
        {
            regularPay = Money.Round(regular * employee.Rate * m.Regular);
            overtimePay = Money.Round(overtime * employee.Rate * m.Overtime);
            holidayPay = Money.Round(holiday * employee.Rate * m.Holiday);
            sickPay = Money.Round(sick * employee.Rate * m.Sick);
        }
        else
        {
            // The salary pays for the period, holidays and sick days included; only overtime is paid on top.
            regularPay = Money.Round(employee.Rate);
            overtimePay = Rules.SalariedOvertimePaid ? Money.Round(overtime * employee.Rate * m.Overtime / Rules.SalariedStandardHours) : 0.00m;
            holidayPay = 0.00m;
            sickPay = 0.00m;
        }

        var gross = regularPay + overtimePay + holidayPay + sickPay;
        var contributions = Rules.Contributions
            .Select(c => new PayLine(c.Name, Money.Round(Math.Min(Math.Max(gross, 0m), c.Cap ?? decimal.MaxValue) * c.Rate)))
            .ToList();
        var deductions = Rules.Deductions.Select(d => new PayLine(d.Name, d.Amount)).ToList();

        var taxClass = Rules.TaxClasses[employee.TaxClass];
        var preTax = contributions.Where((_, i) => Rules.Contributions[i].PreTax).Sum(c => c.Amount)
            + deductions.Where((_, i) => Rules.Deductions[i].PreTax).Sum(d => d.Amount);
        var taxableBase = Math.Max(0.00m, gross - preTax - taxClass.Allowance);
        var tax = Money.Round(Tax(taxableBase, taxClass.Brackets));

        return new PayrollResult
        {
            Employee = employee,
            RegularHours = Money.Hours(regular),
            OvertimeHours = Money.Hours(overtime),
            HolidayHours = Money.Hours(holiday),
            SickHours = Money.Hours(sick),
            RegularPay = regularPay,
            OvertimePay = overtimePay,
            HolidayPay = holidayPay,
            SickPay = sickPay,
            Contributions = contributions,
            TaxableBase = taxableBase,
            Tax = tax,
            Deductions = deductions,
        };
    }

    /// <summary>Progressive tax: each bracket's rate applies to the part of the base between the previous bracket's upper bound and its own.</summary>
    public static decimal Tax(decimal taxableBase, IReadOnlyList<TaxBracket> brackets)
    {
        var tax = 0m;
        var lower = 0m;
        foreach (var bracket in brackets)
        {
            var upper = bracket.UpTo ?? decimal.MaxValue;
            if (taxableBase > lower) tax += (Math.Min(taxableBase, upper) - lower) * bracket.Rate;
            if (taxableBase <= upper) break;
            lower = upper;
        }

        return tax;
    }

    /// <summary>Regular hours within the threshold, and the hours beyond it (counted per day, ISO week or the whole period), which become overtime.</summary>
    private (decimal Regular, decimal Excess) SplitRegular(List<TimesheetEntry> entries)
    {
        var total = 0m;
        foreach (var entry in entries) total += entry.Hours;
        if (Rules.OvertimeThreshold is not { } threshold) return (total, 0m);

        var buckets = new Dictionary<int, decimal>();
        foreach (var entry in entries)
        {
            var bucket = Bucket(entry.Date);
            buckets[bucket] = buckets.GetValueOrDefault(bucket) + entry.Hours;
        }

        var excess = 0m;
        foreach (var hours in buckets.Values) excess += Math.Max(0m, hours - threshold);
        return (total - excess, excess);
    }

    /// <summary>The day number, the ISO week (Monday to Sunday: the day number of its Monday), or 0 for the whole period.</summary>
    private int Bucket(DateOnly date) => Rules.OvertimePer switch
    {
        OvertimePeriod.Day => date.DayNumber,
        OvertimePeriod.Week => date.DayNumber - ((int)date.DayOfWeek + 6) % 7,
        _ => 0,
    };
}
