using System.Globalization;
using System.Xml.Linq;
using Microsoft.VisualBasic.FileIO;
using Rpa.Activities.Payroll;
using System.Text.Json.Nodes;
using Rpa.Engine.Activities.HumanTasks;
using Rpa.Engine.Execution;
using Rpa.Engine.Validation;
using Rpa.Engine.Serialization;
using Rpa.Integration.Tests.Browser;
using UglyToad.PdfPig;

namespace Rpa.Integration.Tests.Payroll;

/// <summary>Runs bots/payroll end to end on its sample data with Debian's Chromium printing the payslips.</summary>
[Collection(BrowserCollection.Name)]
public sealed class PayrollBotTests(BrowserFixture browser) : IDisposable
{
    private static readonly string BotFolder = Path.Combine(BrowserFixture.RepositoryRoot(), "bots", "payroll");
    private readonly string _folder = Directory.CreateTempSubdirectory("rpa-payroll-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task The_payroll_bot_writes_a_register_that_reconciles_payslips_and_a_payment_file_whose_control_sum_is_the_total_net()
    {
        var output = Path.Combine(_folder, "out");

        var inputs = new Dictionary<string, object?> { ["outFolder"] = output, ["executionDate"] = "2026-11-30" };

        var paused = await RunAsync(inputs);

        // The register and the payslips are written; the money waits for a person.
        paused.Status.Should().Be(RunStatus.Waiting, paused.ErrorMessage);
        paused.Bookmark!.ActivityId.Should().Be("approve");
        paused.Bookmark.Payload["title"]!.GetValue<string>().Should().Be("Pay 8 employees for 2026-11: net 25395.19 EUR");
        File.Exists(Path.Combine(output, "register.csv")).Should().BeTrue();
        File.Exists(Path.Combine(output, "payments.xml")).Should().BeFalse("nothing is paid before the approval");

        var result = await ResumeAsync(paused, WaitForApproval.Answer(true, "checked", "payroll.manager"), inputs);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["approved"].Should().Be(true);
        result.Outputs["decidedBy"].Should().Be("payroll.manager");
        var totals = (IReadOnlyDictionary<string, object?>)result.Outputs["totals"]!;
        var net = (decimal)totals["Net"]!;

        // The register: sum of nets + sum of every deduction column = sum of gross, to the cent.
        var (columns, rows) = ReadCsv(Path.Combine(output, "register.csv"));
        rows.Should().HaveCount(8);
        var rules = PayrollRulesReader.ReadFile(Path.Combine(BotFolder, "rules.json"));
        var deductionColumns = rules.Contributions.Select(c => c.Name).Append("Tax").Concat(rules.Deductions.Select(d => d.Name)).ToList();
        decimal Sum(string column) => rows.Sum(r => decimal.Parse(r[columns.IndexOf(column)], CultureInfo.InvariantCulture));
        (Sum("Net") + deductionColumns.Sum(Sum)).Should().Be(Sum("Gross"));
        Sum("Net").Should().Be(net);
        Sum("Gross").Should().Be((decimal)totals["Gross"]!);
        net.Should().Be(25395.19m, "the sample's total net, computed by the calculator's hand-checked rules");

        // The SEPA file: NbOfTxs and CtrlSum equal the register.
        XNamespace ns = SepaCreditTransfer.Namespace;
        var sepa = XDocument.Load(Path.Combine(output, "payments.xml"));
        var header = sepa.Descendants(ns + "GrpHdr").Single();
        header.Element(ns + "NbOfTxs")!.Value.Should().Be("8");
        decimal.Parse(header.Element(ns + "CtrlSum")!.Value, CultureInfo.InvariantCulture).Should().Be(net);
        sepa.Descendants(ns + "ReqdExctnDt").Single().Value.Should().Be("2026-11-30");
        sepa.Descendants(ns + "CdtTrfTxInf").Select(t => t.Descendants(ns + "IBAN").Single().Value)
            .Should().Equal(rows.Select(r => r[columns.IndexOf("Iban")]));
        result.Outputs["paid"].Should().Be(net);
        result.Outputs["payments"].Should().Be(8m);

        // The CSV payment file pays the same amounts.
        var (paymentColumns, payments) = ReadCsv(Path.Combine(output, "payments.csv"));
        payments.Sum(p => decimal.Parse(p[paymentColumns.IndexOf("Amount")], CultureInfo.InvariantCulture)).Should().Be(net);

        // One payslip PDF per employee, with the employee's figures as text.
        Directory.GetFiles(Path.Combine(output, "payslips")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Should().Equal(Enumerable.Range(1, 8).Select(i => $"payslip-E00{i}.pdf"));
        using var pdf = PdfDocument.Open(Path.Combine(output, "payslips", "payslip-E006.pdf"));
        var text = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        text.Should().Contain("Hamilton, Margaret").And.Contain("E006").And.Contain("2,013.34").And.Contain("Health insurance").And.Contain("Pay period 2026-11");
    }

    [Fact]
    public async Task A_rejected_payroll_ends_the_run_with_no_payment_file()
    {
        var output = Path.Combine(_folder, "out");
        var inputs = new Dictionary<string, object?> { ["outFolder"] = output };
        var paused = await RunAsync(inputs);
        paused.Status.Should().Be(RunStatus.Waiting, paused.ErrorMessage);

        var result = await ResumeAsync(paused, WaitForApproval.Answer(false, "overtime of E007 looks wrong", "payroll.manager"), inputs);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["approved"].Should().Be(false);
        result.Outputs["approvalComment"].Should().Be("overtime of E007 looks wrong");
        result.Outputs["paymentFile"].Should().BeNull();
        result.Journal.Entries.Should().ContainSingle(e => e.ActivityId == "rejected")
            .Which.Inputs!["message"].Should().Be("Payroll 2026-11 rejected by payroll.manager: overtime of E007 looks wrong. No payment file was written.");
        File.Exists(Path.Combine(output, "payments.xml")).Should().BeFalse();
        File.Exists(Path.Combine(output, "payments.csv")).Should().BeFalse();
        Directory.GetFiles(Path.Combine(output, "payslips")).Should().HaveCount(8, "the payslips were made before the decision");
    }

    [Theory]
    [InlineData("timesheets.csv", "E003,2026-11-02,8,regular", "E003,2026-11-02,-8,regular", "timesheets.csv, row 1, column Hours: -8 is negative")]
    [InlineData("timesheets.csv", "E003,2026-11-02,8,regular", "E099,2026-11-02,8,regular", "timesheets.csv, row 1, column EmployeeId: 'E099' is not an employee in employees.csv")]
    [InlineData("employees.csv", "hourly,24.50,B", "hourly,,B", "employees.csv, row 3, column Rate: the rate is missing")]
    [InlineData("employees.csv", "NL91ABNA0417164300", "NL91ABNA0417164301", "employees.csv, row 3, column Iban: 'NL91ABNA0417164301' is not an IBAN: the check digits 91 do not match (mod-97 check failed; is a digit mistyped?)")]
    [InlineData("employees.csv", "hourly,24.50,B", "hourly,24.505,B", "employees.csv, row 3, column Rate: the rate 24.505 has more than 2 decimals (rules: rateDecimals)")]
    public async Task Bad_input_fails_the_run_naming_file_row_and_reason_and_writes_no_output(string file, string find, string replace, string reason)
    {
        var copy = CopyBot();
        var path = Path.Combine(copy, file);
        var content = File.ReadAllText(path);
        content.Should().Contain(find);
        File.WriteAllText(path, content.Replace(find, replace, StringComparison.Ordinal));

        var result = await browser.RunAsync(BotJson.Parse(File.ReadAllText(Path.Combine(copy, "bot.json"))), null, copy);

        result.Status.Should().Be(RunStatus.Failed);
        result.Error!.ActivityId.Should().Be("calculate");
        result.ErrorMessage.Should().Be($"Bot 'payroll' failed at activity 'calculate' (CalculatePayroll, path main/calculate): {reason}");
        Directory.Exists(Path.Combine(copy, "out")).Should().BeFalse("a rejected payroll writes no register, payslips or payment file");
    }

    private static CompiledBot Compile(BrowserFixture browser) =>
        new BotCompiler(browser.Registry).CompileOrThrow(BotJson.Parse(File.ReadAllText(Path.Combine(BotFolder, "bot.json"))), BotFolder);

    private Task<RunResult> RunAsync(Dictionary<string, object?> inputs) =>
        BotRunner.RunAsync(Compile(browser), new RunOptions { Inputs = inputs, Services = browser.Services, ArtifactsDirectory = Path.Combine(_folder, "artifacts") });

    /// <summary>Resumes the paused run as the runtime and `rpa approve` do: the same bot and inputs, the stored state, the answer.</summary>
    private Task<RunResult> ResumeAsync(RunResult paused, JsonObject answer, Dictionary<string, object?> inputs) =>
        BotRunner.ResumeAsync(Compile(browser), PausedRun.Parse(paused.Paused!.ToJson()), answer, new RunOptions
        {
            RunId = paused.RunId,
            Inputs = inputs,
            Services = browser.Services,
            ArtifactsDirectory = Path.Combine(_folder, "artifacts"),
        });

    private string CopyBot()
    {
        var copy = Path.Combine(_folder, "payroll");
        Directory.CreateDirectory(copy);
        foreach (var name in new[] { "bot.json", "employees.csv", "timesheets.csv", "rules.json" }) File.Copy(Path.Combine(BotFolder, name), Path.Combine(copy, name));
        return copy;
    }

    private static (List<string> Columns, List<string[]> Rows) ReadCsv(string path)
    {
        using var parser = new TextFieldParser(path) { TextFieldType = FieldType.Delimited, HasFieldsEnclosedInQuotes = true };
        parser.SetDelimiters(",");
        var columns = parser.ReadFields()!.ToList();
        var rows = new List<string[]>();
        while (!parser.EndOfData) rows.Add(parser.ReadFields()!);
        return (columns, rows);
    }
}
