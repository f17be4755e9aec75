using System.Globalization;
using Rpa.Engine.Values;

namespace Rpa.Activities.Payroll;

/// <summary>
/// The employees and timesheets of one payroll, read from tables (as Read CSV or Read Excel give them) and checked row by row
/// against the rules. Every problem is collected, named by source, row (the first data row is row 1) and column, and thrown together.
/// </summary>
public sealed class PayrollInput
{
    public static readonly string[] EmployeeColumns = ["Id", "Name", "PayType", "Rate", "TaxClass", "Iban"];
    public static readonly string[] TimesheetColumns = ["EmployeeId", "Date", "Hours", "Kind"];

    /// <summary>The most problems listed in one error; a file with more is usually the wrong file.</summary>
    private const int MaxProblems = 25;

    private PayrollInput(IReadOnlyList<Employee> employees, IReadOnlyList<TimesheetEntry> timesheets)
    {
        Employees = employees;
        Timesheets = timesheets;
    }

    public IReadOnlyList<Employee> Employees { get; }

    public IReadOnlyList<TimesheetEntry> Timesheets { get; }

    /// <exception cref="PayrollInputException">Any row is invalid; nothing is returned then.</exception>
    public static PayrollInput Read(
        Table employees, string employeesSource, Table timesheets, string timesheetsSource, PayrollRules rules, DateOnly? periodStart = null, DateOnly? periodEnd = null)
    {
        var problems = new List<string>();
        CheckColumns(employees, employeesSource, EmployeeColumns, problems);
        CheckColumns(timesheets, timesheetsSource, TimesheetColumns, problems);
        if (problems.Count > 0) throw new PayrollInputException(problems);

        var people = new List<Employee>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < employees.Count; i++)
        {
            var row = new RowReader(employees[i], $"{employeesSource}, row {i + 1}", problems);
            var id = row.Text("Id");
            var name = row.Text("Name");
            var payType = row.Choice("PayType", PayType.Hourly, PayType.Salaried);
            var rate = row.Decimal("Rate", rules.RateDecimals, "rate");
            var taxClass = row.Text("TaxClass");
            var iban = row.Text("Iban");
            if (rate < 0) row.Problem("Rate", $"{rate} is negative");
            if (taxClass is not null && !rules.TaxClasses.ContainsKey(taxClass))
            {
                row.Problem("TaxClass", $"'{taxClass}' is not a tax class of the rules ({string.Join(", ", rules.TaxClasses.Keys)})");
            }

            string? normalized = null;
            if (iban is not null && !Iban.TryNormalize(iban, out normalized, out var reason)) row.Problem("Iban", reason);
            if (id is not null && !ids.TryAdd(id, i + 1)) row.Problem("Id", $"the employee '{id}' is already on row {ids[id]}");
            if (row.IsValid && id is not null && name is not null && payType is not null && rate is not null && taxClass is not null && normalized is not null)
            {
                people.Add(new Employee(id, name, payType.Value, rate.Value, rules.TaxClasses[taxClass].Name, normalized));
            }

            if (problems.Count >= MaxProblems) break;
        }

        var entries = new List<TimesheetEntry>();
        for (var i = 0; i < timesheets.Count && problems.Count < MaxProblems; i++)
        {
            var row = new RowReader(timesheets[i], $"{timesheetsSource}, row {i + 1}", problems);
            var id = row.Text("EmployeeId");
            var date = row.Date("Date");
            var hours = row.Decimal("Hours", rules.HoursDecimals, "hours");
            var kind = row.Choice("Kind", HoursKind.Regular, HoursKind.Overtime, HoursKind.Holiday, HoursKind.Sick);
            if (id is not null && !ids.ContainsKey(id)) row.Problem("EmployeeId", $"'{id}' is not an employee in {employeesSource}");
            if (hours < 0) row.Problem("Hours", $"{hours} is negative");
            if (hours > 24) row.Problem("Hours", $"{hours} is more than the 24 hours of a day");
            if (date is not null && (date < periodStart || date > periodEnd)) row.Problem("Date", $"{date:yyyy-MM-dd} is outside the pay period {periodStart:yyyy-MM-dd} to {periodEnd:yyyy-MM-dd}");
            if (row.IsValid && id is not null && date is not null && hours is not null && kind is not null)
            {
                entries.Add(new TimesheetEntry(id, date.Value, hours.Value, kind.Value));
            }
        }

        if (problems.Count > 0) throw new PayrollInputException(problems.Count >= MaxProblems ? [.. problems, $"(stopped after {MaxProblems} problems)"] : problems);
        return new PayrollInput(people, entries);
    }

    private static void CheckColumns(Table table, string source, string[] wanted, List<string> problems)
    {
        var missing = wanted.Where(c => !table.HasColumn(c)).ToList();
        if (missing.Count > 0)
        {
            problems.Add($"{source}: the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)} {(missing.Count > 1 ? "are" : "is")} missing (it has {(table.Columns.Count == 0 ? "no columns" : string.Join(", ", table.Columns))}; it needs {string.Join(", ", wanted)})");
        }
    }

    /// <summary>Reads the cells of one row, adding a problem (source, row, column, reason) for each one that is missing or malformed.</summary>
    private sealed class RowReader(TableRow row, string where, List<string> problems)
    {
        public bool IsValid { get; private set; } = true;

        public void Problem(string column, string reason)
        {
            IsValid = false;
            problems.Add($"{where}, column {column}: {reason}");
        }

        public string? Text(string column)
        {
            var text = ValueConverter.ToText(row[column]).Trim();
            if (text.Length > 0) return text;
            Problem(column, "is empty");
            return null;
        }

        public T? Choice<T>(string column, params T[] choices) where T : struct, Enum
        {
            var text = Text(column);
            if (text is null) return null;
            foreach (var choice in choices)
            {
                if (string.Equals(choice.ToString(), text, StringComparison.OrdinalIgnoreCase)) return choice;
            }

            Problem(column, $"'{text}' is not one of {string.Join(", ", choices.Select(c => c.ToString().ToLowerInvariant()))}");
            return null;
        }

        public decimal? Decimal(string column, int decimals, string what)
        {
            decimal number;
            switch (row[column])
            {
                case decimal d:
                    number = d;
                    break;
                case null:
                    Problem(column, $"the {what} is missing");
                    return null;
                case var other:
                    var text = ValueConverter.ToText(other).Trim();
                    if (text.Length == 0)
                    {
                        Problem(column, $"the {what} is missing");
                        return null;
                    }

                    if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
                    {
                        Problem(column, $"'{text}' is not a number (write it like 1234.50)");
                        return null;
                    }

                    break;
            }

            if (number != Math.Round(number, decimals))
            {
                Problem(column, $"the {what} {number.ToString(CultureInfo.InvariantCulture)} has more than {decimals} decimal{(decimals == 1 ? "" : "s")} (rules: {what}Decimals)");
                return null;
            }

            return number;
        }

        public DateOnly? Date(string column)
        {
            switch (row[column])
            {
                case DateTimeOffset d:
                    return DateOnly.FromDateTime(d.DateTime);
                case null:
                    Problem(column, "the date is missing");
                    return null;
                case var other:
                    var text = ValueConverter.ToText(other).Trim();
                    if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
                    Problem(column, text.Length == 0 ? "the date is missing" : $"'{text}' is not a date like 2026-11-30");
                    return null;
            }
        }
    }
}
