using System.Globalization;
using System.Text;

namespace Rpa.Activities.Payroll;

/// <summary>The payment file as CSV (RFC 4180, invariant numbers): EmployeeId, Name, Iban, Amount, Currency, ExecutionDate, Reference.</summary>
public static class PaymentCsv
{
    public static string Create(IReadOnlyList<Payment> payments, string currency, DateOnly executionDate, string reference)
    {
        var text = new StringBuilder("EmployeeId,Name,Iban,Amount,Currency,ExecutionDate,Reference\r\n");
        var date = executionDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        foreach (var p in payments)
        {
            text.Append(string.Join(',', Field(p.EmployeeId), Field(p.Name), p.Iban, p.Amount.ToString("0.00", CultureInfo.InvariantCulture), currency, date, Field(reference)))
                .Append("\r\n");
        }

        return text.ToString();
    }

    private static string Field(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
