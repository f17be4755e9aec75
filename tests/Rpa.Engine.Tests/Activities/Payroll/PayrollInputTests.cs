using Rpa.Activities.Payroll;
using Rpa.Engine.Values;
using static Rpa.Engine.Tests.Activities.Payroll.PayrollSamples;

namespace Rpa.Engine.Tests.Activities.Payroll;

public sealed class PayrollInputTests
{
    private static Table Employees(params string[][] rows)
    {
        var table = new Table(PayrollInput.EmployeeColumns);
        foreach (var row in rows) table.AddRow(row);
        return table;
    }

    private static Table Timesheets(params string[][] rows)
    {
        var table = new Table(PayrollInput.TimesheetColumns);
        foreach (var row in rows) table.AddRow(row);
        return table;
    }

    private static readonly string[] Ada = ["E1", "Ada", "hourly", "20.00", "A", "DE89 3704 0044 0532 0130 00"];

    private static PayrollInputException Reject(Table employees, Table timesheets) =>
        FluentActions.Invoking(() => PayrollInput.Read(employees, "employees.csv", timesheets, "timesheets.csv", Rules()))
            .Should().Throw<PayrollInputException>().Which;

    [Fact]
    public void Reads_valid_rows_and_normalizes_the_iban()
    {
        var input = PayrollInput.Read(Employees(Ada), "employees.csv", Timesheets(["E1", "2026-11-02", "7.5", "Regular"]), "timesheets.csv", Rules());

        input.Employees.Should().Equal(new Employee("E1", "Ada", PayType.Hourly, 20.00m, "A", "DE89370400440532013000"));
        input.Timesheets.Should().Equal(new TimesheetEntry("E1", new DateOnly(2026, 11, 2), 7.5m, HoursKind.Regular));
    }

    [Fact]
    public void Negative_hours_are_rejected_with_file_row_and_reason()
    {
        var error = Reject(Employees(Ada), Timesheets(["E1", "2026-11-02", "8", "regular"], ["E1", "2026-11-03", "-2", "regular"]));

        error.Problems.Should().Equal("timesheets.csv, row 2, column Hours: -2 is negative");
    }

    [Fact]
    public void An_unknown_employee_in_a_timesheet_is_rejected()
    {
        var error = Reject(Employees(Ada), Timesheets(["E9", "2026-11-02", "8", "regular"]));

        error.Problems.Should().Equal("timesheets.csv, row 1, column EmployeeId: 'E9' is not an employee in employees.csv");
    }

    [Fact]
    public void A_missing_rate_is_rejected()
    {
        var error = Reject(Employees(["E1", "Ada", "hourly", "", "A", "DE89370400440532013000"]), Timesheets());

        error.Problems.Should().Equal("employees.csv, row 1, column Rate: the rate is missing");
    }

    [Fact]
    public void An_iban_with_wrong_check_digits_is_rejected()
    {
        var error = Reject(Employees(["E1", "Ada", "hourly", "20", "A", "DE88370400440532013000"]), Timesheets());

        error.Problems.Should().ContainSingle().Which.Should().StartWith("employees.csv, row 1, column Iban: 'DE88370400440532013000' is not an IBAN: the check digits 88 do not match");
    }

    [Fact]
    public void A_rate_with_more_decimals_than_the_rules_allow_is_rejected()
    {
        var error = Reject(Employees(["E1", "Ada", "hourly", "20.125", "A", "DE89370400440532013000"]), Timesheets());

        error.Problems.Should().Equal("employees.csv, row 1, column Rate: the rate 20.125 has more than 2 decimals (rules: rateDecimals)");
    }

    [Fact]
    public void A_rate_read_as_a_number_is_checked_for_decimals_too()
    {
        var employees = Employees(Ada);
        employees[0]["Rate"] = 20.5000m;

        PayrollInput.Read(employees, "employees.csv", Timesheets(), "timesheets.csv", Rules()).Employees[0].Rate.Should().Be(20.5m);
        employees[0]["Rate"] = 20.505m;
        Reject(employees, Timesheets()).Problems.Should().ContainSingle().Which.Should().Contain("has more than 2 decimals");
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first()
    {
        var error = Reject(
            Employees(["E1", "Ada", "weekly", "20", "Z", "XX"], Ada),
            Timesheets(["E1", "02.11.2026", "eight", "night"]));

        error.Problems.Should().Equal(
            "employees.csv, row 1, column PayType: 'weekly' is not one of hourly, salaried",
            "employees.csv, row 1, column TaxClass: 'Z' is not a tax class of the rules (A, B)",
            "employees.csv, row 1, column Iban: 'XX' is not an IBAN: it starts with a two-letter country code and two check digits (such as DE89...)",
            "employees.csv, row 2, column Id: the employee 'E1' is already on row 1",
            "timesheets.csv, row 1, column Date: '02.11.2026' is not a date like 2026-11-30",
            "timesheets.csv, row 1, column Hours: 'eight' is not a number (write it like 1234.50)",
            "timesheets.csv, row 1, column Kind: 'night' is not one of regular, overtime, holiday, sick");
        error.Message.Should().StartWith("7 problems in the payroll input:\n- employees.csv, row 1, column PayType");
    }

    [Fact]
    public void A_missing_column_is_named_with_the_columns_the_file_has()
    {
        var employees = new Table(["Id", "Name", "Rate"]);

        var error = Reject(employees, Timesheets());

        error.Problems.Should().Equal("employees.csv: the columns PayType, TaxClass, Iban are missing (it has Id, Name, Rate; it needs Id, Name, PayType, Rate, TaxClass, Iban)");
    }

    [Fact]
    public void Hours_outside_the_pay_period_are_rejected()
    {
        var act = () => PayrollInput.Read(
            Employees(Ada), "employees.csv", Timesheets(["E1", "2026-12-01", "8", "regular"]), "timesheets.csv", Rules(), new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30));

        act.Should().Throw<PayrollInputException>().Which.Problems.Should().Equal("timesheets.csv, row 1, column Date: 2026-12-01 is outside the pay period 2026-11-01 to 2026-11-30");
    }
}
