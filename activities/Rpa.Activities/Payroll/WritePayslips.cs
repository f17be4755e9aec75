using Rpa.Activities.Documents;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Payroll;

[Activity("Payroll", "Write payslips", Description = "Writes one payslip PDF per employee of a payroll register (earnings with hours, each contribution and deduction, taxable base, tax, net), printed by the runtime's Chromium. The PDFs are made in a hidden folder and moved in only when all are done: all or none.", Needs = [ActivityNeeds.Browser])]
public sealed class WritePayslips : Activity
{
    [Input(Required = true, Description = "The payroll register (the Register output of Calculate payroll).")]
    public Input<Table> Register { get; set; } = new();

    [Input(Required = true, Description = "The rules file the register was calculated with: the payer's name, the currency and the names of contributions and deductions come from it.")]
    public Input<string> Rules { get; set; } = new();

    [Input(Required = true, Description = "The folder for the PDFs (payslip-<employee id>.pdf); relative to the bot's folder. Created if missing; files of the same name are replaced.")]
    public Input<string> Folder { get; set; } = new();

    [Input(Description = "The pay period printed on each payslip, such as 2026-11 (the Period of Calculate payroll's totals).")]
    public Input<string> Period { get; set; } = new("");

    [Output(Description = "The full paths of the PDFs, in register order.")]
    public Output<List<string>> Files { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
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
        var payslips = new List<(string FileName, TableRow Row)>();
        foreach (var row in register.Rows)
        {
            var id = ValueConverter.ToText(row[PayrollRegister.EmployeeId]).Trim();
            var fileName = PayslipHtml.FileName(id);
            if (!names.Add(fileName)) throw new ActivityException($"register: two employees share the payslip file name {fileName} (employee '{id}')");
            payslips.Add((fileName, row));
        }

        var renderer = ConvertHtmlToPdf.Renderer(context);
        var given = context.Get(Folder);
        var folder = Path.TrimEndingDirectorySeparator(context.ResolvePath(given));
        var staging = Path.Combine(Path.GetDirectoryName(folder) ?? folder, $".{Path.GetFileName(folder)}.{Guid.NewGuid():N}.tmp");
        var page = new PdfPageSetup().WithMargin("15mm");
        try
        {
            Directory.CreateDirectory(staging);

            // The renderer bounds how many pages print at once, so all payslips can be started together.
            await Task.WhenAll(payslips.Select(async p =>
            {
                var pdf = await renderer.RenderAsync(PayslipHtml.Render(p.Row, rules, period), page, context.CancellationToken).ConfigureAwait(false);
                await File.WriteAllBytesAsync(Path.Combine(staging, p.FileName), pdf, context.CancellationToken).ConfigureAwait(false);
            })).ConfigureAwait(false);

            Directory.CreateDirectory(folder);
            var files = new List<string>();
            foreach (var (fileName, _) in payslips)
            {
                var target = Path.Combine(folder, fileName);
                File.Move(Path.Combine(staging, fileName), target, overwrite: true);
                files.Add(target);
            }

            context.Set(Files, files);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ActivityException($"cannot write the payslips to {given}: {e.Message}", e);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }
}
