using System.Globalization;
using System.Text;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Payroll;

[Activity("Payroll", "Write payment file", Description = "Writes the bank payment file for a payroll register: a SEPA credit transfer (pain.001.001.03 XML, EUR) or CSV, one transfer of net pay per employee with a net above zero, the payer from the rules file as debtor. IBANs are checked again; the file is written in one step.")]
public sealed class WritePaymentFile : Activity
{
    [Input(Required = true, Description = "The payroll register (the Register output of Calculate payroll): EmployeeId, Name, Iban and Net are used.")]
    public Input<Table> Register { get; set; } = new();

    [Input(Required = true, Description = "The rules file: its currency and payer (name, iban, bic) are used; relative to the bot's folder.")]
    public Input<string> Rules { get; set; } = new();

    [Input(Required = true, Description = "The file to create or replace; relative to the bot's folder. Missing folders are created.")]
    public Input<string> Path { get; set; } = new();

    [Input(Description = "sepa (pain.001.001.03 XML) or csv.")]
    public Input<PaymentFileFormat> Format { get; set; } = new(PaymentFileFormat.Sepa);

    [Input(Description = "The requested execution date (yyyy-MM-dd). Empty: today (UTC).")]
    public Input<string> ExecutionDate { get; set; } = new("");

    [Input(Description = "The message id (at most 35 characters). Empty: PAYROLL- and the creation time (yyyyMMddHHmmss, UTC).")]
    public Input<string> MessageId { get; set; } = new("");

    [Input(Description = "The remittance text each employee sees on the bank statement.")]
    public Input<string> Reference { get; set; } = new("Salary");

    [Output(Description = "The full path of the payment file.")]
    public Output<string> FilePath { get; set; } = new();

    [Output(Description = "The number of transfers (employees with a net above zero).")]
    public Output<int> Payments { get; set; } = new();

    [Output(Description = "The sum of the transfers (the control sum), exact to the cent.")]
    public Output<decimal> Total { get; set; } = new();

    public override IEnumerable<string> Validate()
    {
        if (ExecutionDate.IsLiteral && !TryDate(ExecutionDate.LiteralValue, out _)) yield return $"executionDate: '{ExecutionDate.LiteralValue}' is not a date like 2026-11-30";
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var register = context.Get(Register) ?? throw new ActivityException("register is empty (null); give the Register output of Calculate payroll");
        var rulesPath = context.Get(Rules);
        var rules = PayrollFiles.ReadRules(context.ResolvePath(rulesPath), rulesPath);
        var format = context.Get(Format);
        var now = context.Time.GetUtcNow();
        if (!TryDate(context.Get(ExecutionDate), out var date)) throw new ActivityException($"executionDate: '{context.Get(ExecutionDate)}' is not a date like 2026-11-30");
        var executionDate = date ?? DateOnly.FromDateTime(now.UtcDateTime);
        var messageId = context.Get(MessageId).Trim();
        if (messageId.Length == 0) messageId = "PAYROLL-" + now.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        if (messageId.Length > 35) throw new ActivityException($"messageId: '{messageId}' has {messageId.Length} characters; SEPA allows 35");
        if (format == PaymentFileFormat.Sepa && rules.Currency != "EUR")
        {
            throw new ActivityException($"format sepa: SEPA credit transfers are in EUR, but the rules' currency is {rules.Currency}; use the csv format");
        }

        IReadOnlyList<Payment> payments;
        try
        {
            payments = PayrollRegister.Payments(register);
        }
        catch (PayrollInputException e)
        {
            throw new ActivityException(e.Message, e);
        }

        var given = context.Get(Path);
        var path = context.ResolvePath(given);
        var reference = context.Get(Reference);
        PayrollFiles.WriteAtomically(path, given, stream =>
        {
            if (format == PaymentFileFormat.Sepa)
            {
                SepaCreditTransfer.Write(SepaCreditTransfer.Create(payments, rules.Payer, rules.Currency, messageId, now, executionDate, reference), stream);
            }
            else
            {
                var bytes = new UTF8Encoding(false).GetBytes(PaymentCsv.Create(payments, rules.Currency, executionDate, reference));
                stream.Write(bytes);
            }
        });

        var total = payments.Sum(p => p.Amount);
        context.AddArtifact(path);
        context.Set(FilePath, path);
        context.Set(Payments, payments.Count);
        context.Set(Total, total);
        context.Logger.LogPaymentFile(given, format.ToString().ToLowerInvariant(), payments.Count, total, rules.Currency);
        return ValueTask.CompletedTask;
    }

    private static bool TryDate(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)) return false;
        date = parsed;
        return true;
    }
}
