using Rpa.Activities.Payroll;
using static Rpa.Engine.Tests.Activities.Payroll.PayrollSamples;

namespace Rpa.Engine.Tests.Activities.Payroll;

/// <summary>Payroll calculations checked against amounts computed by hand (the arithmetic is in each test's comments).</summary>
public sealed class PayrollCalculatorTests
{
    [Theory]
    [InlineData("0", "0")]
    [InlineData("999.99", "0")] // all in the 0 % bracket
    [InlineData("1000", "0")]
    [InlineData("3000", "400")] // 2000 × 20 %
    [InlineData("4500", "850")] // 400 + 1500 × 30 %
    [InlineData("6000", "1300")] // 400 + 3000 × 30 %
    [InlineData("7000", "1720")] // 1300 + 1000 × 42 %
    public void Progressive_tax_applies_each_bracket_rate_to_its_own_slice(string taxableBase, string expected)
    {
        PayrollCalculator.Tax(decimal.Parse(taxableBase, System.Globalization.CultureInfo.InvariantCulture), ClassA.Brackets)
            .Should().Be(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Tax_class_allowance_and_pre_tax_contributions_lower_the_taxable_base()
    {
        // Gross 160 h × 24.50 = 3920.00; pension 9.3 % = 364.56 (pre-tax), union 10.00 after tax.
        // Taxable base (class B) = 3920.00 − 364.56 − 500 allowance = 3055.44; tax = 400 + 55.44 × 30 % = 416.632 → 416.63.
        var rules = Rules(contributions: [new Contribution("Pension", 0.093m, null, PreTax: true)], deductions: [new FixedDeduction("Union", 10m, PreTax: false)]);
        var result = new PayrollCalculator(rules).Calculate(Hourly("E1", 24.50m, "B"), Days("E1", HoursKind.Regular, 40m, 40m, 40m, 40m).Select((t, i) => t with { Date = t.Date.AddDays(7 * i) }).ToList());

        result.Gross.Should().Be(3920.00m);
        result.Contributions.Should().Equal(new PayLine("Pension", 364.56m));
        result.TaxableBase.Should().Be(3055.44m);
        result.Tax.Should().Be(416.63m);
        result.Deductions.Should().Equal(new PayLine("Union", 10.00m));
        result.TotalDeductions.Should().Be(791.19m);
        result.Net.Should().Be(3128.81m);
    }

    [Fact]
    public void A_contribution_is_charged_on_gross_only_up_to_its_cap()
    {
        // Salary 9250.00: pension 9.3 % of the cap 8050.00 = 748.65; health 8.15 % of 5512.50 = 449.26875 → 449.27; below the cap the rate applies to all.
        var rules = Rules(contributions: [new Contribution("Pension", 0.093m, 8050m, true), new Contribution("Health", 0.0815m, 5512.50m, true)]);
        var calculator = new PayrollCalculator(rules);

        calculator.Calculate(Salaried("E1", 9250m), []).Contributions.Should().Equal(new PayLine("Pension", 748.65m), new PayLine("Health", 449.27m));
        calculator.Calculate(Salaried("E2", 3000m), []).Contributions.Should().Equal(new PayLine("Pension", 279.00m), new PayLine("Health", 244.50m));
    }

    [Fact]
    public void Regular_hours_beyond_the_weekly_threshold_are_paid_as_overtime()
    {
        // Week 1: 5 × 9 h = 45 h → 40 regular + 5 overtime. Week 2 (Monday 9 Nov): 8 h regular. Plus 2 h recorded as overtime.
        // Regular 48 × 20.00 = 960.00; overtime 7 × 20.00 × 1.5 = 210.00.
        var entries = Days("E1", HoursKind.Regular, 9m, 9m, 9m, 9m, 9m, 0m, 0m, 8m);
        entries.Add(new TimesheetEntry("E1", new DateOnly(2026, 11, 10), 2m, HoursKind.Overtime));

        var result = new PayrollCalculator(Rules()).Calculate(Hourly("E1", 20m), entries);

        result.RegularHours.Should().Be(48m);
        result.OvertimeHours.Should().Be(7m);
        result.RegularPay.Should().Be(960.00m);
        result.OvertimePay.Should().Be(210.00m);
        result.Gross.Should().Be(1170.00m);
    }

    [Fact]
    public void A_daily_threshold_counts_each_day_on_its_own()
    {
        // Days of 9, 7 and 10 h with 8 h a day: 8 + 7 + 8 = 23 regular, 1 + 2 = 3 overtime (a weekly count would find none).
        var result = new PayrollCalculator(Rules(threshold: 8m, per: OvertimePeriod.Day)).Calculate(Hourly("E1", 10m), Days("E1", HoursKind.Regular, 9m, 7m, 10m));

        result.RegularHours.Should().Be(23m);
        result.OvertimeHours.Should().Be(3m);
        result.Gross.Should().Be(275.00m); // 230 + 3 × 10 × 1.5
    }

    [Fact]
    public void Holiday_and_sick_hours_of_hourly_staff_are_paid_with_their_multipliers()
    {
        // Holiday 8 h × 15.00 × 1.0 = 120.00; sick 7.5 h × 15.00 × 0.8 = 90.00; neither counts towards overtime.
        var entries = Days("E1", HoursKind.Holiday, 8m);
        entries.AddRange(Days("E1", HoursKind.Sick, 7.5m));

        var result = new PayrollCalculator(Rules(threshold: 0m)).Calculate(Hourly("E1", 15m), entries);

        result.HolidayPay.Should().Be(120.00m);
        result.SickPay.Should().Be(90.00m);
        result.OvertimePay.Should().Be(0m);
    }

    [Fact]
    public void A_salary_pays_the_period_and_overtime_is_paid_per_standard_hour()
    {
        // 4800.00 / 160 h = 30.00 an hour; 6 h overtime × 30.00 × 1.5 = 270.00. Holiday and sick days are in the salary.
        var entries = Days("E1", HoursKind.Overtime, 6m);
        entries.AddRange(Days("E1", HoursKind.Sick, 8m));

        var result = new PayrollCalculator(Rules()).Calculate(Salaried("E1", 4800m), entries);

        result.RegularPay.Should().Be(4800.00m);
        result.OvertimePay.Should().Be(270.00m);
        result.SickPay.Should().Be(0m);
        result.Gross.Should().Be(5070.00m);
    }

    [Fact]
    public void Each_line_is_rounded_to_cents_half_away_from_zero_before_it_is_added()
    {
        // 7.5 h × 18.35 = 137.625 → 137.63 (half away from zero, not to even: 137.62).
        // Pension 9.3 % × 137.63 = 12.79959 → 12.80; health 5 % × 137.63 = 6.8815 → 6.88. Net = 137.63 − 12.80 − 6.88 = 117.95.
        var rules = Rules(contributions: [new Contribution("Pension", 0.093m, null, true), new Contribution("Health", 0.05m, null, true)]);

        var result = new PayrollCalculator(rules).Calculate(Hourly("E1", 18.35m), Days("E1", HoursKind.Regular, 7.5m));

        result.Gross.Should().Be(137.63m);
        result.Contributions.Select(c => c.Amount).Should().Equal(12.80m, 6.88m);
        result.Net.Should().Be(117.95m);
    }

    [Theory]
    [InlineData("0.025", "0.03")]
    [InlineData("-0.025", "-0.03")]
    [InlineData("2.344", "2.34")]
    [InlineData("2.345", "2.35")]
    [InlineData("2.355", "2.36")]
    [InlineData("7", "7.00")]
    public void Money_rounds_half_away_from_zero_to_two_decimals(string amount, string expected)
    {
        var rounded = Money.Round(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture));

        rounded.ToString(System.Globalization.CultureInfo.InvariantCulture).Should().Be(expected);
    }

    [Fact]
    public void An_employee_without_timesheets_earns_nothing_if_hourly_and_the_salary_if_salaried()
    {
        var results = new PayrollCalculator(Rules(deductions: [new FixedDeduction("Fee", 5m, false)])).Calculate([Hourly("H", 20m), Salaried("S", 2000m)], []);

        results.Select(r => r.Gross).Should().Equal(0m, 2000m);
        results[0].Net.Should().Be(-5m, "a fixed deduction is charged even without pay; the payment file skips nets of zero or less");
    }
}
