using System.Globalization;
using Rpa.Activities.Payroll;
using Rpa.Benchmarks.Running;
using Rpa.Engine.Values;

namespace Rpa.Benchmarks.Scenarios;

/// <summary>Payroll throughput: employees per second for a payroll of 100,000 employees (the target: 100,000 employees in at most 2 s) with 20 timesheet rows each.</summary>
internal static class PayrollScenarios
{
    public const int Employees = 100_000;
    public const int DaysPerEmployee = 20;

    public static IEnumerable<Scenario> All()
    {
        var data = new Lazy<PayrollData>(() => PayrollData.Create(Employees, DaysPerEmployee));

        yield return new Scenario
        {
            Name = "payroll-calc-100000",
            Description = "PayrollCalculator.Calculate (overtime per ISO week, 3 capped contributions, progressive tax, a fixed deduction) of 100,000 employees × 20 timesheet rows, the register table and the totals; checks that nets + deductions = gross.",
            Work = $"calculate {Employees:N0} employees, {Employees * DaysPerEmployee:N0} timesheet rows",
            Items = Employees,
            Unit = ("employees", "employee"),
            Prepare = () =>
            {
                var d = data.Value;
                var input = PayrollInput.Read(d.EmployeesTable, "employees", d.TimesheetsTable, "timesheets", d.Rules);
                var calculator = new PayrollCalculator(d.Rules);
                return Operation.Sync(() => Check(calculator.Calculate(input.Employees, input.Timesheets), d.Rules));
            },
        };
        yield return new Scenario
        {
            Name = "payroll-100000",
            Description = "What Calculate payroll and Write payment file do, without file I/O: check every row of the employees and timesheets tables (text cells, as Read CSV gives them; IBAN check digits, decimals), calculate, build the register table, read the payments back from it and build the pain.001 XML.",
            Work = $"check + calculate + register + pain.001, {Employees:N0} employees",
            Items = Employees,
            Unit = ("employees", "employee"),
            Prepare = () =>
            {
                var d = data.Value;
                return Operation.Sync(() =>
                {
                    var input = PayrollInput.Read(d.EmployeesTable, "employees", d.TimesheetsTable, "timesheets", d.Rules);
                    var results = new PayrollCalculator(d.Rules).Calculate(input.Employees, input.Timesheets);
                    var register = Check(results, d.Rules);
                    var payments = PayrollRegister.Payments(register);
                    var xml = SepaCreditTransfer.Create(payments, d.Rules.Payer, "EUR", "BENCH", DateTimeOffset.UnixEpoch, new DateOnly(2026, 11, 30), "Salary");
                    XNamespaceCheck(xml, payments.Sum(p => p.Amount));
                });
            },
        };
    }

    private static Table Check(IReadOnlyList<PayrollResult> results, PayrollRules rules)
    {
        if (results.Count != Employees) throw new InvalidOperationException($"expected {Employees} results, got {results.Count}");
        var totals = PayrollTotals.Of(results);
        if (totals.Net + totals.TotalDeductions != totals.Gross) throw new InvalidOperationException($"the payroll does not reconcile: {totals}");
        return PayrollRegister.ToTable(results, rules);
    }

    private static void XNamespaceCheck(System.Xml.Linq.XDocument xml, decimal total)
    {
        System.Xml.Linq.XNamespace ns = SepaCreditTransfer.Namespace;
        var sum = decimal.Parse(xml.Root!.Element(ns + "CstmrCdtTrfInitn")!.Element(ns + "GrpHdr")!.Element(ns + "CtrlSum")!.Value, CultureInfo.InvariantCulture);
        if (sum != total) throw new InvalidOperationException($"CtrlSum {sum} is not the total {total}");
    }

    private sealed record PayrollData(PayrollRules Rules, Table EmployeesTable, Table TimesheetsTable)
    {
        public static PayrollData Create(int employees, int days)
        {
            var brackets = new List<TaxBracket> { new(1000m, 0m), new(3000m, 0.20m), new(6000m, 0.30m), new(null, 0.42m) };
            var rules = new PayrollRules
            {
                Currency = "EUR",
                Payer = new Payer("Benchmark Ltd", "DE02100500000024290661", "BELADEBEXXX"),
                OvertimeThreshold = 40m,
                OvertimePer = OvertimePeriod.Week,
                Multipliers = new HoursMultipliers(1m, 1.5m, 1m, 0.8m),
                TaxClasses = new Dictionary<string, TaxClass>(StringComparer.OrdinalIgnoreCase)
                {
                    ["A"] = new("A", 0m, brackets),
                    ["B"] = new("B", 500m, brackets),
                },
                Contributions = [new("Pension", 0.093m, 8050m, true), new("Health insurance", 0.0815m, 5512.50m, true), new("Unemployment insurance", 0.013m, 8050m, true)],
                Deductions = [new("Meal vouchers", 40m, false)],
            };

            var random = new Random(42);
            var people = new Table(PayrollInput.EmployeeColumns);
            var sheets = new Table(PayrollInput.TimesheetColumns);
            var start = new DateOnly(2026, 11, 2);
            for (var i = 0; i < employees; i++)
            {
                var id = $"E{i:00000}";
                var hourly = random.Next(3) > 0;
                var rate = hourly ? random.Next(1500, 6000) / 100m : random.Next(250_000, 900_000) / 100m;
                var iban = Iban.Create("DE", $"{random.NextInt64(100_000_000, 999_999_999)}{i:000000000}");
                people.AddRow(id, $"Employee {i}", hourly ? "hourly" : "salaried", rate.ToString(CultureInfo.InvariantCulture), random.Next(2) == 0 ? "A" : "B", iban);
                for (var d = 0; d < days; d++)
                {
                    var date = start.AddDays(d / 5 * 7 + d % 5);
                    var kind = random.Next(20) switch { 0 => "sick", 1 => "holiday", 2 => "overtime", _ => "regular" };
                    var hours = kind == "overtime" ? random.Next(100, 400) / 100m : random.Next(600, 1000) / 100m;
                    sheets.AddRow(id, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), hours.ToString(CultureInfo.InvariantCulture), kind);
                }
            }

            return new PayrollData(rules, people, sheets);
        }
    }
}
