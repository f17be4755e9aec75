using System.Globalization;
using Rpa.Engine.Values;

namespace Rpa.Activities.Payroll;

/// <summary>
/// The payroll register as a table: one row per employee with hours, each earning, each contribution (named as in the rules),
/// the taxable base, the tax, each fixed deduction, the total deductions and the net. Payslips and payment files are made from it.
/// </summary>
public static class PayrollRegister
{
    public const string EmployeeId = "EmployeeId";
    public const string Name = "Name";
    public const string Iban = "Iban";
    public const string Net = "Net";
    public const string Gross = "Gross";

    public static readonly string[] LeadingColumns =
    [
        EmployeeId, Name, "PayType", "Rate", "TaxClass", Iban, "RegularHours", "OvertimeHours", "HolidayHours", "SickHours",
        "RegularPay", "OvertimePay", "HolidayPay", "SickPay", Gross,
    ];

    public static readonly string[] TaxColumns = ["TaxableBase", "Tax"];

    public static readonly string[] TrailingColumns = ["TotalDeductions", Net];

    /// <summary>The column names contributions and deductions may not take.</summary>
    public static IEnumerable<string> FixedColumns => LeadingColumns.Concat(TaxColumns).Concat(TrailingColumns);

    public static IReadOnlyList<string> Columns(PayrollRules rules) =>
        [.. LeadingColumns, .. rules.Contributions.Select(c => c.Name), .. TaxColumns, .. rules.Deductions.Select(d => d.Name), .. TrailingColumns];

    public static Table ToTable(IReadOnlyList<PayrollResult> results, PayrollRules rules)
    {
        var table = new Table(Columns(rules));
        foreach (var r in results)
        {
            var e = r.Employee;
            table.AddRow(
            [
                e.Id, e.Name, e.PayType.ToString().ToLowerInvariant(), e.Rate, e.TaxClass, e.Iban,
                r.RegularHours, r.OvertimeHours, r.HolidayHours, r.SickHours,
                r.RegularPay, r.OvertimePay, r.HolidayPay, r.SickPay, r.Gross,
                .. r.Contributions.Select(c => (object?)c.Amount),
                r.TaxableBase, r.Tax,
                .. r.Deductions.Select(d => (object?)d.Amount),
                r.TotalDeductions, r.Net,
            ]);
        }

        return table;
    }

    /// <summary>The payments of a register table: one per row with a net above zero, checked again (the table may have come from a file).</summary>
    /// <exception cref="PayrollInputException">A column is missing, a net is not an amount in cents, or an IBAN is invalid.</exception>
    public static IReadOnlyList<Payment> Payments(Table register)
    {
        var missing = new[] { EmployeeId, Name, Iban, Net }.Where(c => !register.HasColumn(c)).ToList();
        if (missing.Count > 0) throw new PayrollInputException([$"register: the column(s) {string.Join(", ", missing)} are missing; give the Register output of Calculate payroll"]);
        var problems = new List<string>();
        var payments = new List<Payment>();
        for (var i = 0; i < register.Count; i++)
        {
            var row = register[i];
            var where = $"register, row {i + 1}";
            var id = ValueConverter.ToText(row[EmployeeId]).Trim();
            var amount = Amount(row[Net]);
            if (amount is null)
            {
                problems.Add($"{where}, column Net: '{ValueConverter.ToText(row[Net])}' is not an amount in cents");
                continue;
            }

            if (amount <= 0) continue;
            if (!Payroll.Iban.TryNormalize(ValueConverter.ToText(row[Iban]), out var iban, out var reason))
            {
                problems.Add($"{where}, column Iban: {reason}");
                continue;
            }

            payments.Add(new Payment(id, ValueConverter.ToText(row[Name]).Trim(), iban, amount.Value));
        }

        if (problems.Count > 0) throw new PayrollInputException(problems);
        return payments;
    }

    /// <summary>A cell as an amount in cents (a number, or text in the invariant culture); null when it is neither.</summary>
    public static decimal? Amount(object? cell)
    {
        var value = cell switch
        {
            decimal d => d,
            string s when decimal.TryParse(s.Trim(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed) => parsed,
            _ => (decimal?)null,
        };
        return value is { } v && v == Math.Round(v, 2) ? v : null;
    }
}
