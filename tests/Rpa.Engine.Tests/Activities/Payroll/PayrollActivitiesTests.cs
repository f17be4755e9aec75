using System.Globalization;
using System.Xml.Linq;
using Microsoft.Extensions.Time.Testing;
using Rpa.Activities;
using Rpa.Activities.Data;
using Rpa.Activities.Payroll;
using Rpa.Engine.Building;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Activities.Data;
using Rpa.Engine.Tests.Cli;
using Rpa.Engine.Values;

namespace Rpa.Engine.Tests.Activities.Payroll;

/// <summary>The payroll activities in a bot (without the browser): read the sample files, calculate, render payslips, write payment files.</summary>
public sealed class PayrollActivitiesTests : IDisposable
{
    private static readonly string Sample = RepositoryRoot.Combine("bots", "payroll");
    private readonly TempFolder _folder = new();

    public PayrollActivitiesTests()
    {
        foreach (var name in new[] { "employees.csv", "timesheets.csv", "rules.json" }) File.Copy(Path.Combine(Sample, name), _folder.File(name));
    }

    public void Dispose() => _folder.Dispose();

    private static IActivityBuilder[] Calculate(string period = "2026-11") =>
    [
        Bot.Activity<ReadCsv>("readEmployees").SetLiteral(x => x.Path, "employees.csv").Output(x => x.Table, "employees"),
        Bot.Activity<ReadCsv>("readTimesheets").SetLiteral(x => x.Path, "timesheets.csv").Output(x => x.Table, "timesheets"),
        Bot.Activity<CalculatePayroll>("calculate")
            .Set(x => x.Employees, InputValue.JavaScript("employees"))
            .Set(x => x.Timesheets, InputValue.JavaScript("timesheets"))
            .SetLiteral(x => x.Rules, "rules.json")
            .SetLiteral(x => x.Period, period)
            .SetLiteral(x => x.EmployeesSource, "employees.csv")
            .SetLiteral(x => x.TimesheetsSource, "timesheets.csv")
            .Output(x => x.Register, "register")
            .Output(x => x.Totals, "totals"),
    ];

    private async Task<RunResult> RunAsync(params IActivityBuilder[] activities)
    {
        var host = new BotTestHost(ActivityRegistry.CreateDefault().AddBuiltInActivities()) { Time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 27, 8, 15, 0, TimeSpan.Zero)) };
        var bot = Bot.Define("payroll-test")
            .Variable("employees", DataType.Table).Variable("timesheets", DataType.Table)
            .Output("register", DataType.Table).Output("totals", DataType.Object)
            .Output("paid", DataType.Number).Output("payments", DataType.Number).Output("valid", DataType.Bool).Output("reason", DataType.Text)
            .Root(Bot.Sequence("main", activities));
        return await host.RunAsync(host.Compiler.CompileOrThrow(bot.Build(), _folder.Path));
    }

    [Fact]
    public async Task Calculate_payroll_outputs_a_register_and_totals_that_reconcile()
    {
        var result = await RunAsync(Calculate());

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var register = (Table)result.Outputs["register"]!;
        var totals = (Dictionary<string, object?>)result.Outputs["totals"]!;
        register.Count.Should().Be(8);
        register.Columns.Should().Equal(
            "EmployeeId", "Name", "PayType", "Rate", "TaxClass", "Iban", "RegularHours", "OvertimeHours", "HolidayHours", "SickHours",
            "RegularPay", "OvertimePay", "HolidayPay", "SickPay", "Gross", "Pension", "Health insurance", "Unemployment insurance",
            "TaxableBase", "Tax", "Meal vouchers", "TotalDeductions", "Net");
        totals["Period"].Should().Be("2026-11");
        totals["Employees"].Should().Be(8m);
        ((decimal)totals["Net"]! + (decimal)totals["TotalDeductions"]!).Should().Be((decimal)totals["Gross"]!);
        register.Rows.Sum(r => (decimal)r["Net"]!).Should().Be((decimal)totals["Net"]!);

        // E003, by hand: 152 h × 24.50 = 3724.00 + 8 holiday h × 24.50 = 196.00 → gross 3920.00; contributions 364.56 + 319.48 + 50.96;
        // base 3920.00 − 735.00 − 500 allowance = 2685.00; tax 20 % × 1685.00 = 337.00; net 3920.00 − 735.00 − 337.00 − 40.00 = 2808.00.
        var e003 = register.Rows.Single(r => (string)r["EmployeeId"]! == "E003");
        ((decimal)e003["Gross"]!, (decimal)e003["TaxableBase"]!, (decimal)e003["Tax"]!, (decimal)e003["Net"]!).Should().Be((3920.00m, 2685.00m, 337.00m, 2808.00m));
    }

    [Fact]
    public async Task Write_payment_file_writes_pain_001_whose_control_sum_is_the_total_net_and_a_csv_with_the_same_amounts()
    {
        var result = await RunAsync(
        [
            .. Calculate(),
            Bot.Activity<WritePaymentFile>("sepa").Set(x => x.Register, InputValue.JavaScript("register")).SetLiteral(x => x.Rules, "rules.json")
                .SetLiteral(x => x.Path, "out/payments.xml").SetLiteral(x => x.ExecutionDate, "2026-11-30").Output(x => x.Total, "paid").Output(x => x.Payments, "payments"),
            Bot.Activity<WritePaymentFile>("csv").Set(x => x.Register, InputValue.JavaScript("register")).SetLiteral(x => x.Rules, "rules.json")
                .SetLiteral(x => x.Path, "out/payments.csv").SetLiteral(x => x.Format, "csv"),
        ]);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var net = (decimal)((Dictionary<string, object?>)result.Outputs["totals"]!)["Net"]!;
        result.Outputs["paid"].Should().Be(net);
        result.Outputs["payments"].Should().Be(8m);

        XNamespace ns = SepaCreditTransfer.Namespace;
        var xml = XDocument.Load(_folder.File("out/payments.xml"));
        xml.Descendants(ns + "MsgId").Single().Value.Should().Be("PAYROLL-20261127081500", "the default message id is the creation time from the run's clock");
        xml.Descendants(ns + "CreDtTm").Single().Value.Should().Be("2026-11-27T08:15:00");
        decimal.Parse(xml.Descendants(ns + "CtrlSum").First().Value, CultureInfo.InvariantCulture).Should().Be(net);
        var csv = _folder.Read("out/payments.csv").Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        csv.Should().HaveCount(9);
        csv[1].Should().Be("E001,Ada Lovelace,DE89370400440532013000,3343.56,EUR,2026-11-27,Salary", "without an execution date the run's today is used");
        _folder.Files().Should().NotContain(f => f.EndsWith(".tmp", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Write_payment_file_refuses_sepa_for_a_currency_other_than_euro_and_writes_nothing()
    {
        _folder.Write("rules.json", _folder.Read("rules.json").Replace("\"EUR\"", "\"CHF\"", StringComparison.Ordinal));

        var result = await RunAsync(
        [
            .. Calculate(),
            Bot.Activity<WritePaymentFile>("sepa").Set(x => x.Register, InputValue.JavaScript("register")).SetLiteral(x => x.Rules, "rules.json").SetLiteral(x => x.Path, "out/payments.xml"),
        ]);

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().EndWith("format sepa: SEPA credit transfers are in EUR, but the rules' currency is CHF; use the csv format");
        Directory.Exists(_folder.File("out")).Should().BeFalse();
    }

    [Fact]
    public async Task A_bad_rules_file_fails_calculate_payroll_naming_the_field()
    {
        _folder.Write("rules.json", _folder.Read("rules.json").Replace("\"rate\": 0.093", "\"rate\": 9.3", StringComparison.Ordinal));

        var result = await RunAsync(Calculate());

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("calculate");
        result.ErrorMessage.Should().EndWith("rules.json: contributions[0].rate: 9.3 must be between 0 and 1");
    }

    [Fact]
    public async Task An_invalid_period_is_rejected_before_the_bot_runs()
    {
        var act = () => RunAsync(Calculate(period: "November"));

        (await act.Should().ThrowAsync<Exception>()).Which.Message.Should().Contain("period: 'November' is not a month like 2026-11 or a date range like 2026-11-01/2026-11-15");
    }

    [Fact]
    public async Task A_payslip_page_shows_the_employee_the_lines_of_the_rules_and_the_net()
    {
        var result = await RunAsync(Calculate());
        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var register = (Table)result.Outputs["register"]!;
        var rules = PayrollRulesReader.ReadFile(_folder.File("rules.json"));

        var html = PayslipHtml.Render(register.Rows.Single(r => (string)r["EmployeeId"]! == "E006"), rules, "2026-11");

        html.Should().Contain("Hamilton, Margaret").And.Contain("Pay period 2026-11").And.Contain("Example Widgets Ltd")
            .And.Contain("<td>Health insurance</td><td class=\"n\">219.84</td>").And.Contain("<td>Meal vouchers</td><td class=\"n\">40.00</td>")
            .And.Contain("2,013.34 EUR").And.NotContain("<script").And.NotContain("http");
        PayslipHtml.FileName("E/006 x").Should().Be("payslip-E_006_x.pdf");
    }

    [Fact]
    public async Task Write_payslips_without_chromium_in_the_runtime_says_so_and_writes_nothing()
    {
        var result = await RunAsync(
        [
            .. Calculate(),
            Bot.Activity<WritePayslips>("payslips").Set(x => x.Register, InputValue.JavaScript("register")).SetLiteral(x => x.Rules, "rules.json").SetLiteral(x => x.Folder, "out/payslips"),
        ]);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("payslips");
        result.ErrorMessage.Should().Contain("printing HTML to PDF needs Chromium");
        Directory.Exists(_folder.File("out")).Should().BeFalse();
    }

    [Theory]
    [InlineData("DE89 3704 0044 0532 0130 00", true, "")]
    [InlineData("DE89 3704 0044 0532 0130 01", false, "'DE89 3704 0044 0532 0130 01' is not an IBAN: the check digits 89 do not match (mod-97 check failed; is a digit mistyped?)")]
    public async Task Validate_iban_takes_the_valid_or_invalid_outcome_with_the_reason(string iban, bool valid, string reason)
    {
        var check = Bot.Activity<ValidateIban>("check").SetLiteral(x => x.Iban, iban).Output(x => x.IsValid, "valid").Output(x => x.Reason, "reason");

        var result = await RunAsync(check);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["valid"].Should().Be(valid);
        result.Outputs["reason"].Should().Be(reason);
        result.Journal.Entries.Single(e => e.ActivityId == "check").Outcome.Should().Be(valid ? "Valid" : "Invalid");
    }
}
