using System.Globalization;
using System.Xml.Linq;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Rpa.Activities.Payroll;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Payroll;

/// <summary>
/// Property tests: for random rules, employees and timesheets, the register reconciles to the cent
/// (sum of nets + sum of deductions = sum of gross) and the payment file's control sum is the sum of the positive nets.
/// </summary>
public sealed class PayrollReconciliationProperties
{
    public sealed record Case(PayrollRules Rules, List<Employee> Employees, List<TimesheetEntry> Timesheets)
    {
        public override string ToString() =>
            $"{Employees.Count} employees, {Timesheets.Count} timesheet rows, {Rules.Contributions.Count} contributions, {Rules.Deductions.Count} deductions, threshold {Rules.OvertimeThreshold} per {Rules.OvertimePer}";
    }

    /// <summary>Whole cents between the bounds, as an amount.</summary>
    private static Gen<decimal> Cents(int min, int max) => Gen.Choose(min, max).Select(c => c / 100m);

    /// <summary>A rate with up to 4 decimals between 0 and max.</summary>
    private static Gen<decimal> Rate(int maxTenThousandths) => Gen.Choose(0, maxTenThousandths).Select(r => r / 10000m);

    private static Gen<TaxClass> TaxClassGen(string name) =>
        from allowance in Cents(0, 100_000)
        from bounds in Gen.Choose(1, 1_000_000).ListOf().Select(l => l.Distinct().Order().Take(4).ToList())
        from rates in Rate(6000).ArrayOf(bounds.Count + 1)
        select new TaxClass(name, allowance, bounds.Select((b, i) => new TaxBracket(b / 100m, rates[i])).Append(new TaxBracket(null, rates[^1])).ToList());

    private static readonly Gen<PayrollRules> RulesGen =
        from threshold in Gen.OneOf(Gen.Constant((decimal?)null), Gen.Choose(0, 6000).Select(h => (decimal?)(h / 100m)))
        from per in Gen.Elements(OvertimePeriod.Day, OvertimePeriod.Week, OvertimePeriod.Period)
        from multipliers in Gen.Choose(0, 300).Select(m => m / 100m).ArrayOf(4)
        from standardHours in Gen.Choose(1, 20000).Select(h => h / 100m)
        from payOvertime in ArbMap.Default.GeneratorFor<bool>()
        from classA in TaxClassGen("A")
        from classB in TaxClassGen("B")
        from contributionCount in Gen.Choose(0, 4)
        from contributions in (from rate in Rate(3000) from cap in Gen.OneOf(Gen.Constant((decimal?)null), Cents(0, 1_000_000).Select(c => (decimal?)c)) from preTax in ArbMap.Default.GeneratorFor<bool>() select (rate, cap, preTax)).ArrayOf(contributionCount)
        from deductionCount in Gen.Choose(0, 3)
        from deductions in (from amount in Cents(0, 20_000) from preTax in ArbMap.Default.GeneratorFor<bool>() select (amount, preTax)).ArrayOf(deductionCount)
        select new PayrollRules
        {
            Currency = "EUR",
            Payer = new Payer("Payer", PayrollSamples.PayerIban, null),
            OvertimeThreshold = threshold,
            OvertimePer = per,
            Multipliers = new HoursMultipliers(multipliers[0], multipliers[1], multipliers[2], multipliers[3]),
            SalariedStandardHours = standardHours,
            SalariedOvertimePaid = payOvertime,
            TaxClasses = new Dictionary<string, TaxClass>(StringComparer.OrdinalIgnoreCase) { ["A"] = classA, ["B"] = classB },
            Contributions = contributions.Select((c, i) => new Contribution($"C{i}", c.rate, c.cap, c.preTax)).ToList(),
            Deductions = deductions.Select((d, i) => new FixedDeduction($"D{i}", d.amount, d.preTax)).ToList(),
        };

    private static readonly Gen<Case> CaseGen =
        from rules in RulesGen
        from count in Gen.Choose(1, 25)
        from people in (from hourly in ArbMap.Default.GeneratorFor<bool>()
                        from rate in hourly ? Cents(0, 20_000) : Cents(0, 2_000_000)
                        from taxClass in Gen.Elements("A", "B")
                        select (hourly, rate, taxClass)).ArrayOf(count)
        from rows in (from who in Gen.Choose(0, count - 1)
                      from day in Gen.Choose(0, 29)
                      from hours in Cents(0, 2400)
                      from kind in Gen.Elements(HoursKind.Regular, HoursKind.Overtime, HoursKind.Holiday, HoursKind.Sick)
                      select new TimesheetEntry($"E{who}", new DateOnly(2026, 11, 1).AddDays(day), hours, kind)).ListOf()
        select new Case(
            rules,
            people.Select((p, i) => new Employee($"E{i}", $"Employee {i}", p.hourly ? PayType.Hourly : PayType.Salaried, p.rate, p.taxClass, "DE89370400440532013000")).ToList(),
            rows.ToList());

    public static Arbitrary<Case> Cases() => CaseGen.ToArbitrary();

    [Property(Arbitrary = [typeof(PayrollReconciliationProperties)], MaxTest = 200)]
    public void The_register_reconciles_to_the_cent(Case payroll)
    {
        var results = new PayrollCalculator(payroll.Rules).Calculate(payroll.Employees, payroll.Timesheets);
        var register = PayrollRegister.ToTable(results, payroll.Rules);
        var totals = PayrollTotals.Of(results);

        decimal Sum(string column) => register.Rows.Sum(r => (decimal)r[column]!);
        var deductionColumns = payroll.Rules.Contributions.Select(c => c.Name).Append("Tax").Concat(payroll.Rules.Deductions.Select(d => d.Name)).ToList();

        (Sum("Net") + deductionColumns.Sum(Sum)).Should().Be(Sum("Gross"));
        (totals.Net + totals.TotalDeductions).Should().Be(totals.Gross);
        (totals.Contributions + totals.Tax + totals.Deductions).Should().Be(totals.TotalDeductions);
        Sum("Gross").Should().Be(Sum("RegularPay") + Sum("OvertimePay") + Sum("HolidayPay") + Sum("SickPay"));
        register.Rows.SelectMany(r => deductionColumns.Append("Gross").Append("Net").Select(c => (decimal)r[c]!))
            .Should().OnlyContain(amount => amount == Math.Round(amount, 2), "every amount is in whole cents");
    }

    [Property(Arbitrary = [typeof(PayrollReconciliationProperties)], MaxTest = 100)]
    public void The_payment_file_pays_every_positive_net_and_its_control_sum_is_their_total(Case payroll)
    {
        var results = new PayrollCalculator(payroll.Rules).Calculate(payroll.Employees, payroll.Timesheets);
        var register = PayrollRegister.ToTable(results, payroll.Rules);
        var document = SepaCreditTransfer.Create(PayrollRegister.Payments(register), payroll.Rules.Payer, "EUR", "M1", DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 30), "Salary");

        XNamespace ns = SepaCreditTransfer.Namespace;
        var positive = results.Where(r => r.Net > 0).ToList();
        document.Descendants(ns + "GrpHdr").Single().Element(ns + "NbOfTxs")!.Value.Should().Be(positive.Count.ToString(CultureInfo.InvariantCulture));
        decimal.Parse(document.Descendants(ns + "GrpHdr").Single().Element(ns + "CtrlSum")!.Value, CultureInfo.InvariantCulture).Should().Be(positive.Sum(r => r.Net));
        document.Descendants(ns + "InstdAmt").Select(a => decimal.Parse(a.Value, CultureInfo.InvariantCulture)).Sum().Should().Be(positive.Sum(r => r.Net));
    }
}
