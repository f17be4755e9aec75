using Rpa.Activities.Payroll;

namespace Rpa.Engine.Tests.Activities.Payroll;

/// <summary>Rules and employees for the hand-computed payroll tests; the numbers are chosen to be checked with a pencil.</summary>
internal static class PayrollSamples
{
    public const string PayerIban = "DE02100500000024290661";

    public static readonly TaxClass ClassA = new("A", 0m, [new TaxBracket(1000m, 0m), new TaxBracket(3000m, 0.20m), new TaxBracket(6000m, 0.30m), new TaxBracket(null, 0.42m)]);

    public static PayrollRules Rules(
        decimal? threshold = 40m,
        OvertimePeriod per = OvertimePeriod.Week,
        IReadOnlyList<Contribution>? contributions = null,
        IReadOnlyList<FixedDeduction>? deductions = null,
        decimal allowanceB = 500m) => new()
    {
        Currency = "EUR",
        Payer = new Payer("Example Widgets Ltd", PayerIban, "BELADEBEXXX"),
        OvertimeThreshold = threshold,
        OvertimePer = per,
        Multipliers = new HoursMultipliers(1m, 1.5m, 1m, 0.8m),
        SalariedStandardHours = 160m,
        TaxClasses = new Dictionary<string, TaxClass>(StringComparer.OrdinalIgnoreCase)
        {
            ["A"] = ClassA,
            ["B"] = ClassA with { Name = "B", Allowance = allowanceB },
        },
        Contributions = contributions ?? [],
        Deductions = deductions ?? [],
    };

    public static Employee Hourly(string id, decimal rate, string taxClass = "A") =>
        new(id, $"Employee {id}", PayType.Hourly, rate, taxClass, "DE89370400440532013000");

    public static Employee Salaried(string id, decimal salary, string taxClass = "A") =>
        new(id, $"Employee {id}", PayType.Salaried, salary, taxClass, "DE89370400440532013000");

    /// <summary>Timesheet rows for one employee, one per day from Monday 2 November 2026 on.</summary>
    public static List<TimesheetEntry> Days(string id, HoursKind kind, params decimal[] hours) =>
        hours.Select((h, i) => new TimesheetEntry(id, new DateOnly(2026, 11, 2).AddDays(i), h, kind)).ToList();
}
