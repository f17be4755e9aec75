using MiniExcelLibs;
using Rpa.Activities;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Activities.Data;
using static Rpa.Engine.Tests.Activities.Invoicing.InvoiceSamples;

namespace Rpa.Engine.Tests.Activities.Invoicing;

public sealed class WriteInvoiceRegisterTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static List<object?> Invoices() =>
    [
        Invoice("O-1", "EUR", Line("1", 2, 49.95m, 19), Line("2", 3, 12.90m, 7)) with { Number = "INV-1" },
        Invoice("O-2", "JPY", Line("1", 3, 333.5m, 10)) with { Number = "INV-2" },
        Invoice("O-3", "EUR", Line("1", 1, 0.335m, 0)) with { Number = "INV-3" },
    ];

    [Fact]
    public async Task Writes_one_csv_row_per_invoice_with_amounts_in_the_currency_decimals_and_totals_per_currency()
    {
        var result = await WriteAsync("out/register.csv");

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        _folder.Read("out/register.csv").Should().Be(
            "Number,OrderId,IssueDate,DueDate,CustomerId,Customer,Email,Currency,Net,Tax,Gross,Lines\r\n" +
            "INV-1,O-1,2026-03-02,2026-03-16,C-1,Nordwind Logistik GmbH,billing@nordwind.example,EUR,138.60,21.69,160.29,2\r\n" +
            "INV-2,O-2,2026-03-02,2026-03-16,C-1,Nordwind Logistik GmbH,billing@nordwind.example,JPY,1001,100,1101,1\r\n" +
            "INV-3,O-3,2026-03-02,2026-03-16,C-1,Nordwind Logistik GmbH,billing@nordwind.example,EUR,0.34,0.00,0.34,1\r\n");
        result.Outputs["totals"].Should().BeEquivalentTo(new Dictionary<string, object?> { ["EUR"] = 160.63m, ["JPY"] = 1101m });
        _folder.Files().Should().Equal(Path.Combine("out", "register.csv"));
    }

    [Fact]
    public async Task Writes_an_xlsx_register_with_numbers_as_numbers()
    {
        var result = await WriteAsync("register.xlsx");

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        var rows = MiniExcel.Query(_folder.File("register.xlsx"), useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        rows.Select(r => r["Number"]).Should().Equal("INV-1", "INV-2", "INV-3");
        Convert.ToDecimal(rows[0]["Gross"], System.Globalization.CultureInfo.InvariantCulture).Should().Be(160.29m);
    }

    [Fact]
    public async Task Invoices_without_numbers_are_refused_and_nothing_is_written()
    {
        var result = await WriteAsync("register.csv", [Invoice("O-9", "EUR", Line("1", 1, 1m, 0))]);

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().EndWith("the invoices of the orders O-9 have no number yet; issue numbers first (Issue invoice numbers)");
        _folder.Files().Should().BeEmpty();
    }

    private async Task<RunResult> WriteAsync(string path, List<object?>? invoices = null)
    {
        var host = new BotTestHost(ActivityRegistry.CreateDefault().AddBuiltInActivities());
        var json = $$"""
            {
              "format": 1, "name": "register-test",
              "inputs": [ { "name": "invoices", "type": "list" } ],
              "outputs": [ { "name": "totals", "type": "object" } ],
              "root": { "id": "write", "type": "WriteInvoiceRegister", "inputs": { "invoices": { "js": "invoices" }, "path": "{{path}}" }, "outputs": { "totals": "totals" } }
            }
            """;
        var bot = Rpa.Engine.Serialization.BotJson.Parse(json);
        var compiled = host.Compiler.CompileOrThrow(bot, _folder.Path);
        return await host.RunAsync(compiled, new Dictionary<string, object?> { ["invoices"] = invoices ?? Invoices() });
    }
}
