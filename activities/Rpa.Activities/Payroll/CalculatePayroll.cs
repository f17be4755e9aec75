using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Payroll;

[Activity("Payroll", "Calculate payroll", Description = "Computes gross pay, contributions, taxable base, tax, fixed deductions and net pay per employee from an employees table, a timesheets table and a rules file (docs/payroll.md). Every row is checked first; any bad row fails the activity with the source, row, column and reason, and nothing is computed.")]
public sealed class CalculatePayroll : Activity
{
    [Input(Required = true, Description = "The employees: columns Id, Name, PayType (hourly or salaried), Rate (per hour, or the salary per period), TaxClass, Iban.")]
    public Input<Table> Employees { get; set; } = new();

    [Input(Required = true, Description = "The timesheets: columns EmployeeId, Date (yyyy-MM-dd), Hours, Kind (regular, overtime, holiday or sick).")]
    public Input<Table> Timesheets { get; set; } = new();

    [Input(Required = true, Description = "The rules file (JSON): currency, payer, overtime, multipliers, tax classes, contributions, deductions; relative to the bot's folder.")]
    public Input<string> Rules { get; set; } = new();

    [Input(Description = "The pay period: a month (2026-11) or a date range (2026-11-01/2026-11-15); timesheet dates outside it are rejected. Empty: the timesheets' first to last date.")]
    public Input<string> Period { get; set; } = new("");

    [Input(Description = "What to call the employees in error messages, such as the file they came from (employees.csv).")]
    public Input<string> EmployeesSource { get; set; } = new("employees");

    [Input(Description = "What to call the timesheets in error messages, such as the file they came from (timesheets.csv).")]
    public Input<string> TimesheetsSource { get; set; } = new("timesheets");

    [Output(Description = "The payroll register: one row per employee with hours, earnings, Gross, each contribution, TaxableBase, Tax, each deduction, TotalDeductions and Net.")]
    public Output<Table> Register { get; set; } = new();

    [Output(Description = "The totals: Period, Currency, Employees, Gross, Contributions, Tax, Deductions, TotalDeductions, Net, Payments (employees with net > 0), PaymentsTotal.")]
    public Output<Dictionary<string, object?>> Totals { get; set; } = new();

    public override IEnumerable<string> Validate()
    {
        if (!Period.IsLiteral) yield break;
        string? problem = null;
        try
        {
            PayPeriod.Parse(Period.LiteralValue);
        }
        catch (ActivityException e)
        {
            problem = e.Message;
        }

        if (problem is not null) yield return problem;
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var rulesPath = context.Get(Rules);
        var period = PayPeriod.Parse(context.Get(Period));
        var employees = context.Get(Employees) ?? throw new ActivityException("employees is empty (null); give the table Read CSV made of the employees file");
        var timesheets = context.Get(Timesheets) ?? throw new ActivityException("timesheets is empty (null); give the table Read CSV made of the timesheets file");

        PayrollRules rules;
        PayrollInput input;
        try
        {
            rules = PayrollRulesReader.ReadFile(context.ResolvePath(rulesPath), rulesPath);
            input = PayrollInput.Read(employees, context.Get(EmployeesSource), timesheets, context.Get(TimesheetsSource), rules, period?.Start, period?.End);
        }
        catch (Exception e) when (e is PayrollRulesException or PayrollInputException)
        {
            throw new ActivityException(e.Message, e);
        }

        var results = new PayrollCalculator(rules).Calculate(input.Employees, input.Timesheets);
        var totals = PayrollTotals.Of(results);
        var label = period?.Label ?? (input.Timesheets.Count == 0 ? "" : new PayPeriod(input.Timesheets.Min(t => t.Date), input.Timesheets.Max(t => t.Date)).Label);

        context.Set(Register, PayrollRegister.ToTable(results, rules));
        context.Set(Totals, totals.ToObject(rules.Currency, label));
        context.Logger.LogPayroll(totals, rules.Currency, label);
        return ValueTask.CompletedTask;
    }
}
