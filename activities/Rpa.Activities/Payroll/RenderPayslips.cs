using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Payroll;

[Activity("Payroll", "Render payslips", Description = "Makes one payslip per employee of a payroll register as a self-contained HTML page (earnings, each contribution and deduction, tax, net). Give the list to 'Print HTML to PDF' for PDF files.")]
public sealed class RenderPayslips : Activity
{
    [Input(Required = true, Description = "The payroll register (the Register output of Calculate payroll).")]
    public Input<Table> Register { get; set; } = new();

    [Input(Required = true, Description = "The rules file the register was calculated with: the payer's name, the currency and the names of contributions and deductions come from it.")]
    public Input<string> Rules { get; set; } = new();

    [Input(Description = "The pay period printed on each payslip, such as 2026-11 (the Period of Calculate payroll's totals).")]
    public Input<string> Period { get; set; } = new("");

    [Output(Description = "One object per employee: { FileName: \"payslip-E001.pdf\", EmployeeId, Html }.")]
    public Output<List<object?>> Payslips { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var register = context.Get(Register) ?? throw new ActivityException("register is empty (null); give the Register output of Calculate payroll");
        var rulesPath = context.Get(Rules);
        var rules = PayrollFiles.ReadRules(context.ResolvePath(rulesPath), rulesPath);
        var missing = PayrollRegister.Columns(rules).Where(c => !register.HasColumn(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ActivityException($"register: the column(s) {string.Join(", ", missing)} are missing; was it calculated with {rulesPath}?");
        }

        var period = context.Get(Period);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var payslips = new List<object?>();
        foreach (var row in register.Rows)
        {
            var id = ValueConverter.ToText(row[PayrollRegister.EmployeeId]).Trim();
            var fileName = PayslipHtml.FileName(id);
            if (!names.Add(fileName)) throw new ActivityException($"register: two employees share the payslip file name {fileName} (employee '{id}')");
            payslips.Add(new Dictionary<string, object?> { ["FileName"] = fileName, ["EmployeeId"] = id, ["Html"] = PayslipHtml.Render(row, rules, period) });
        }

        context.Set(Payslips, payslips);
        return ValueTask.CompletedTask;
    }
}
