using System.Globalization;
using System.Net;
using System.Text;
using Rpa.Engine.Values;

namespace Rpa.Activities.Payroll;

/// <summary>A payslip as a self-contained HTML page (inline CSS, no external resources), made from one row of the payroll register.</summary>
public static class PayslipHtml
{
    public static string Render(TableRow row, PayrollRules rules, string period)
    {
        string Text(string column) => WebUtility.HtmlEncode(ValueConverter.ToText(row.TryGetValue(column, out var v) ? v : null));
        string Amount(string column) => Format(PayrollRegister.Amount(row.TryGetValue(column, out var v) ? v : null) ?? 0m);
        string Hours(string column) => ValueConverter.ToText(row.TryGetValue(column, out var v) ? v : null);
        var currency = WebUtility.HtmlEncode(rules.Currency);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>Payslip ").Append(Text("EmployeeId")).Append("</title><style>")
            .Append("body{font-family:'Liberation Sans',Arial,sans-serif;font-size:11pt;color:#111}h1{font-size:16pt;margin:0 0 4mm}")
            .Append("table{border-collapse:collapse;width:100%;margin:3mm 0}td,th{padding:1.5mm 2mm;border-bottom:1px solid #ccc;text-align:left}")
            .Append("td.n,th.n{text-align:right}tr.total td{font-weight:bold;border-top:2px solid #111}.muted{color:#555}")
            .Append("</style></head><body>");
        html.Append("<h1>Payslip</h1>");
        html.Append("<p>").Append(WebUtility.HtmlEncode(rules.Payer.Name)).Append("<br><span class=\"muted\">Pay period ").Append(WebUtility.HtmlEncode(period)).Append("</span></p>");
        html.Append("<table><tr><th>Employee</th><td>").Append(Text("Name")).Append(" (").Append(Text("EmployeeId")).Append(")</td></tr>")
            .Append("<tr><th>Pay type</th><td>").Append(Text("PayType")).Append(", rate ").Append(Amount("Rate")).Append(' ').Append(currency).Append("</td></tr>")
            .Append("<tr><th>Tax class</th><td>").Append(Text("TaxClass")).Append("</td></tr>")
            .Append("<tr><th>Account</th><td>").Append(Text("Iban")).Append("</td></tr></table>");

        html.Append("<table><tr><th>Earnings</th><th class=\"n\">Hours</th><th class=\"n\">Amount (").Append(currency).Append(")</th></tr>");
        foreach (var (label, hours, pay) in new[] { ("Regular pay", "RegularHours", "RegularPay"), ("Overtime pay", "OvertimeHours", "OvertimePay"), ("Holiday pay", "HolidayHours", "HolidayPay"), ("Sick pay", "SickHours", "SickPay") })
        {
            html.Append("<tr><td>").Append(label).Append("</td><td class=\"n\">").Append(Hours(hours)).Append("</td><td class=\"n\">").Append(Amount(pay)).Append("</td></tr>");
        }

        html.Append("<tr class=\"total\"><td>Gross pay</td><td></td><td class=\"n\">").Append(Amount("Gross")).Append("</td></tr></table>");

        html.Append("<table><tr><th>Deductions</th><th class=\"n\">Amount (").Append(currency).Append(")</th></tr>");
        foreach (var c in rules.Contributions) Line(html, c.Name, Amount(c.Name));
        html.Append("<tr><td class=\"muted\">Taxable base</td><td class=\"n muted\">").Append(Amount("TaxableBase")).Append("</td></tr>");
        Line(html, "Tax", Amount("Tax"));
        foreach (var d in rules.Deductions) Line(html, d.Name, Amount(d.Name));
        html.Append("<tr class=\"total\"><td>Total deductions</td><td class=\"n\">").Append(Amount("TotalDeductions")).Append("</td></tr></table>");

        html.Append("<table><tr class=\"total\"><td>Net pay</td><td class=\"n\">").Append(Amount("Net")).Append(' ').Append(currency).Append("</td></tr></table>");
        html.Append("</body></html>");
        return html.ToString();
    }

    /// <summary>The file name of an employee's payslip: payslip-{id}.pdf, with characters unsafe in file names replaced by '_'.</summary>
    public static string FileName(string employeeId, string extension = ".pdf")
    {
        var safe = new string(employeeId.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_').ToArray()).Trim('.');
        return $"payslip-{(safe.Length == 0 ? "_" : safe)}{extension}";
    }

    private static void Line(StringBuilder html, string name, string amount) =>
        html.Append("<tr><td>").Append(WebUtility.HtmlEncode(name)).Append("</td><td class=\"n\">").Append(amount).Append("</td></tr>");

    private static string Format(decimal amount) => amount.ToString("#,##0.00", CultureInfo.InvariantCulture);
}
