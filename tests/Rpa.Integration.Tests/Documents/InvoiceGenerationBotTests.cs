using System.Globalization;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Tests.Support;
using Rpa.Integration.Tests.Browser;
using UglyToad.PdfPig;

namespace Rpa.Integration.Tests.Documents;

/// <summary>Runs bots/invoice-generation end to end: real Chromium, a SQLite sequence, a local SMTP server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class InvoiceGenerationBotTests(BrowserFixture browser) : IDisposable
{
    private const string SmtpPassword = "smtp-Secret-2026";
    private readonly string _folder = Directory.CreateTempSubdirectory("rpa-invoice-generation-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Makes_a_pdf_per_order_a_register_exact_to_the_cent_and_emails_every_invoice()
    {
        await using var smtp = new SmtpTestServer("billing", SmtpPassword);
        var expected = ExpectedGrossByOrder();

        var result = await RunAsync(smtp);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["invoiceCount"].Should().Be(100m);
        result.Outputs["newNumbers"].Should().Be(100m);
        result.Outputs["emailsSent"].Should().Be(100m);

        var register = Register();
        register.Select(r => r.Number).Should().Equal(Enumerable.Range(1, 100).Select(n => $"INV-2026-{n:000000}"));
        register.Select(r => r.OrderId).Should().Equal(expected.Keys);
        register.Should().AllSatisfy(r => r.Gross.Should().Be(expected[r.OrderId], $"the gross of {r.OrderId} follows the per-line rounding rule"));
        var total = expected.Values.Sum();
        register.Sum(r => r.Gross).Should().Be(total);
        ((Dictionary<string, object?>)result.Outputs["totals"]!)["EUR"].Should().Be(total);

        var pdfs = Directory.GetFiles(Path.Combine(_folder, "out", "invoices")).Order(StringComparer.Ordinal).ToList();
        pdfs.Select(Path.GetFileName).Should().Equal(register.Select(r => r.Number + ".pdf"));
        var first = register[0];
        var text = PdfText.All(pdfs[0]);
        text.Should().Contain(first.Number).And.Contain(first.OrderId).And.Contain(first.Customer)
            .And.Contain($"Total due {first.Gross.ToString("N2", CultureInfo.InvariantCulture)} EUR")
            .And.Contain($"Invoice {first.Number} · Page 1 of 1");

        smtp.Messages.Should().HaveCount(100);
        foreach (var message in smtp.Messages)
        {
            var number = message.Message.Subject!.Split(' ')[1];
            var row = register.Single(r => r.Number == number);
            message.RcptTo.Should().Equal(row.Email);
            message.Login.Should().Be("billing");
            var attachment = message.Message.Attachments.OfType<MimeKit.MimePart>().Single();
            attachment.FileName.Should().Be(number + ".pdf");
            using var content = new MemoryStream();
            await attachment.Content!.DecodeToAsync(content);
            using var document = PdfDocument.Open(content.ToArray());
            document.GetPage(1).Text.Should().Contain(number);
        }

        JournalJson.ToJson(result.Journal.Entries).ToJsonString().Should().NotContain(SmtpPassword);
        Directory.GetFileSystemEntries(Path.Combine(_folder, "out")).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .Should().Equal("invoices", "register.csv", "register.xlsx");
    }

    [Fact]
    public async Task Running_again_reuses_every_number_and_writes_the_same_register()
    {
        var first = await RunAsync(smtp: null);
        first.Status.Should().Be(RunStatus.Succeeded, first.ErrorMessage);
        var register = File.ReadAllText(Path.Combine(_folder, "out", "register.csv"));

        var again = await RunAsync(smtp: null);

        again.Status.Should().Be(RunStatus.Succeeded, again.ErrorMessage);
        again.Outputs["newNumbers"].Should().Be(0m);
        again.Outputs["emailsSent"].Should().BeNull("no SMTP host was given");
        File.ReadAllText(Path.Combine(_folder, "out", "register.csv")).Should().Be(register);
        Directory.GetFiles(Path.Combine(_folder, "out", "invoices")).Should().HaveCount(100);
    }

    private Task<RunResult> RunAsync(SmtpTestServer? smtp)
    {
        var inputs = new Dictionary<string, object?>
        {
            ["output"] = Path.Combine(_folder, "out"),
            ["database"] = Path.Combine(_folder, "data", "numbers.db"),
            ["issueDate"] = "2026-03-02",
        };
        if (smtp is not null)
        {
            inputs["smtpHost"] = "127.0.0.1";
            inputs["smtpPort"] = smtp.Port;
            inputs["smtpSecurity"] = "None";
            inputs["smtpUser"] = "billing";
            inputs["smtpPassword"] = SmtpPassword;
        }

        return browser.RunSampleAsync("invoice-generation", inputs);
    }

    private sealed record RegisterRow(string Number, string OrderId, string Customer, string Email, decimal Gross);

    private List<RegisterRow> Register() => File.ReadAllLines(Path.Combine(_folder, "out", "register.csv")).Skip(1)
        .Select(l => l.Split(','))
        .Select(f => new RegisterRow(f[0], f[1], f[5], f[6], decimal.Parse(f[10], CultureInfo.InvariantCulture)))
        .ToList();

    /// <summary>
    /// The gross of each order computed here from orders.csv, by the documented rule: per line, net and tax each
    /// rounded half away from zero to the cent; in the order orders first appear.
    /// </summary>
    private static Dictionary<string, decimal> ExpectedGrossByOrder()
    {
        var lines = File.ReadAllLines(Path.Combine(BrowserFixture.RepositoryRoot(), "bots", "invoice-generation", "orders.csv"));
        var header = lines[0].Split(',').ToList();
        var gross = new Dictionary<string, decimal>();
        foreach (var line in lines.Skip(1))
        {
            var f = line.Split(',');
            f.Should().HaveCount(header.Count, "the sample has no quoted commas");
            decimal Number(string column) => decimal.Parse(f[header.IndexOf(column)], CultureInfo.InvariantCulture);
            var net = Math.Round(Number("Quantity") * Number("UnitPrice") * (100 - Number("Discount")) / 100, 2, MidpointRounding.AwayFromZero);
            var tax = Math.Round(net * Number("TaxRate") / 100, 2, MidpointRounding.AwayFromZero);
            var order = f[header.IndexOf("OrderId")];
            gross[order] = gross.GetValueOrDefault(order) + net + tax;
        }

        return gross;
    }
}
