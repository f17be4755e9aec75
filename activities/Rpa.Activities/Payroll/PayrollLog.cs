using Microsoft.Extensions.Logging;

namespace Rpa.Activities.Payroll;

internal static partial class PayrollLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Payroll {Period}: {Employees} employees, gross {Gross} {Currency}, deductions {Deductions}, net {Net}, {Payments} payments")]
    public static partial void LogPayroll(this ILogger logger, int employees, decimal gross, decimal deductions, decimal net, int payments, string currency, string period);

    public static void LogPayroll(this ILogger logger, PayrollTotals totals, string currency, string period) =>
        logger.LogPayroll(totals.Employees, totals.Gross, totals.TotalDeductions, totals.Net, totals.Payments, currency, period);

    [LoggerMessage(Level = LogLevel.Information, Message = "Payment file {Path} ({Format}): {Payments} payments, total {Total} {Currency}")]
    public static partial void LogPaymentFile(this ILogger logger, string path, string format, int payments, decimal total, string currency);
}
