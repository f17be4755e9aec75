using System.Globalization;
using System.Text;
using CsvHelper;
using MiniExcelLibs;
using Rpa.Activities.Documents;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Invoicing;

[Activity("Invoicing", "Write invoice register", Description = "Writes one row per invoice (Number, OrderId, IssueDate, DueDate, CustomerId, Customer, Email, Currency, Net, Tax, Gross, Lines) to a CSV or XLSX file, replaced in one step.")]
public sealed class WriteInvoiceRegister : Activity
{
    /// <summary>The register's columns, in order.</summary>
    public static readonly IReadOnlyList<string> Columns =
        ["Number", "OrderId", "IssueDate", "DueDate", "CustomerId", "Customer", "Email", "Currency", "Net", "Tax", "Gross", "Lines"];

    [Input(Required = true, Description = "The numbered invoices.")]
    public Input<List<object?>> Invoices { get; set; } = new();

    [Input(Required = true, Description = "The register file: .csv (invariant numbers, UTF-8) or .xlsx; a relative path is relative to the bot's folder.")]
    public Input<string> Path { get; set; } = new();

    [Output(Description = "The gross total per currency, such as {\"EUR\": 12345.67}.")]
    public Output<Dictionary<string, object?>> Totals { get; set; } = new();

    [Output(Description = "The number of rows written.")]
    public Output<int> RowsWritten { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var invoices = InvoiceValues.Numbered(context.Get(Invoices));
        var given = context.Get(Path);
        var path = context.ResolvePath(given);
        var extension = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var content = extension switch
        {
            ".csv" => await CsvAsync(invoices, context.CancellationToken).ConfigureAwait(false),
            ".xlsx" => Xlsx(invoices),
            _ => throw new ActivityException($"the register '{given}' must end in .csv or .xlsx"),
        };
        await PdfFiles.WriteAtomicallyAsync(path, content, context.CancellationToken).ConfigureAwait(false);
        context.Set(Totals, invoices.GroupBy(i => i.Currency).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => (object?)g.Sum(i => i.Totals.Gross)));
        context.Set(RowsWritten, invoices.Count);
    }

    private static IEnumerable<object?[]> Rows(IEnumerable<Invoice> invoices) => invoices.Select(i => new object?[]
    {
        i.Number, i.OrderId, i.IssueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), i.DueDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        i.Buyer.Id, i.Buyer.Name, i.Buyer.Email, i.Currency, i.Totals.Net, i.Totals.Tax, i.Totals.Gross, i.Lines.Count,
    });

    private static async Task<byte[]> CsvAsync(List<Invoice> invoices, CancellationToken cancellation)
    {
        using var stream = new MemoryStream();
        var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true);
        await using (text.ConfigureAwait(false))
        {
            var writer = CsvWriter.Create(text, new CsvWriterOptions { Separator = ',', FormatProvider = CultureInfo.InvariantCulture }, leaveOpen: true);
            await using (writer.ConfigureAwait(false))
            {
                writer.WriteHeader([.. Columns]);
                foreach (var invoice in invoices)
                {
                    var amount = "F" + Currencies.MinorUnits(invoice.Currency).ToString(CultureInfo.InvariantCulture);
                    foreach (var cell in Rows([invoice]).Single())
                    {
                        writer.WriteField(cell switch
                        {
                            decimal d => d.ToString(amount, CultureInfo.InvariantCulture),
                            int n => n.ToString(CultureInfo.InvariantCulture),
                            _ => (string?)cell ?? "",
                        });
                    }

                    await writer.EndRecordAsync(cancellation).ConfigureAwait(false);
                }

                await writer.FlushAsync(cancellation).ConfigureAwait(false);
            }
        }

        return stream.ToArray();
    }

    private static byte[] Xlsx(List<Invoice> invoices)
    {
        var rows = Rows(invoices).Select(r => Columns.Select((c, i) => KeyValuePair.Create(c, r[i])).ToDictionary()).ToList();
        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, rows, printHeader: true, sheetName: "Invoices", excelType: ExcelType.XLSX);
        return stream.ToArray();
    }
}
