using Rpa.Activities;
using Rpa.Activities.Invoicing;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Execution;
using Rpa.Engine.Journal;
using Rpa.Engine.Testing;
using Rpa.Engine.Tests.Activities.Data;
using Rpa.Engine.Tests.Support;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;
using static Rpa.Engine.Tests.Activities.Invoicing.InvoiceSamples;

namespace Rpa.Engine.Tests.Activities.Invoicing;

public sealed class SendInvoiceEmailsTests : IDisposable
{
    private const string Password = "smtp-Secret-77";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Sends_each_invoice_to_its_buyer_with_its_pdf_attached_after_logging_in()
    {
        await using var smtp = new SmtpTestServer("billing", Password);
        var invoices = new List<object?> { Invoice("O-1", "EUR", Line("1", 2, 49.95m, 19)) with { Number = "INV-2026-000001" } };
        var pdf = WritePdf("INV-2026-000001.pdf", "Invoice INV-2026-000001");

        var result = await SendAsync(smtp.Port, invoices, [pdf], username: "billing", password: Password);

        result.Status.Should().Be(RunStatus.Succeeded, result.ErrorMessage);
        result.Outputs["sent"].Should().Be(1m);
        var received = smtp.Messages.Should().ContainSingle().Subject;
        received.Login.Should().Be("billing");
        received.MailFrom.Should().Be("billing@muster-software.example");
        received.RcptTo.Should().Equal("billing@nordwind.example");
        received.Message.Subject.Should().Be("Invoice INV-2026-000001 from Muster Software GmbH");
        received.Message.TextBody.Should().Contain("invoice INV-2026-000001 for order O-1 over 118.88 EUR, due on 2026-03-16");
        var attachment = received.Message.Attachments.OfType<MimeKit.MimePart>().Should().ContainSingle().Subject;
        attachment.FileName.Should().Be("INV-2026-000001.pdf");
        attachment.ContentType.MimeType.Should().Be("application/pdf");
        using var content = new MemoryStream();
        await attachment.Content!.DecodeToAsync(content);
        using var document = PdfDocument.Open(content.ToArray());
        document.GetPage(1).Text.Should().Contain("Invoice INV-2026-000001");
        JournalJson.ToJson(result.Journal.Entries).ToJsonString().Should().NotContain(Password);
    }

    [Fact]
    public async Task A_wrong_password_fails_with_the_server_reply_and_sends_nothing()
    {
        await using var smtp = new SmtpTestServer("billing", Password);
        var invoices = new List<object?> { Invoice("O-1", "EUR", Line("1", 1, 10m, 19)) with { Number = "INV-1" } };

        var result = await SendAsync(smtp.Port, invoices, [WritePdf("INV-1.pdf", "x")], username: "billing", password: "wrong-Password-1");

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().Contain($"SMTP 127.0.0.1:{smtp.Port}: ").And.Contain("(0 of 1 emails were sent before)").And.NotContain("wrong-Password-1");
        smtp.Messages.Should().BeEmpty();
        smtp.RefusedLogins.Should().Be(1);
    }

    [Fact]
    public async Task A_buyer_without_an_email_address_stops_the_batch_before_anything_is_sent()
    {
        await using var smtp = new SmtpTestServer();
        var good = Invoice("O-1", "EUR", Line("1", 1, 10m, 19)) with { Number = "INV-1" };
        var noEmail = Invoice("O-2", "EUR", Line("1", 1, 10m, 19)) with { Number = "INV-2", Buyer = Buyer with { Email = "" } };

        var result = await SendAsync(smtp.Port, [good, noEmail], [WritePdf("INV-1.pdf", "x"), WritePdf("INV-2.pdf", "y")]);

        result.Status.Should().Be(RunStatus.Failed);
        result.ErrorMessage.Should().EndWith("the invoice INV-2 (order O-2) has no buyer email address");
        smtp.Messages.Should().BeEmpty();
    }

    private string WritePdf(string name, string text)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4).AddText(text, 12, new UglyToad.PdfPig.Core.PdfPoint(50, 700), font);
        var path = _folder.File(name);
        File.WriteAllBytes(path, builder.Build());
        return path;
    }

    private static async Task<RunResult> SendAsync(int port, List<object?> invoices, List<string> files, string username = "", string password = "")
    {
        var host = new BotTestHost(ActivityRegistry.CreateDefault().AddBuiltInActivities());
        var json = $$"""
            {
              "format": 1, "name": "send-test",
              "inputs": [
                { "name": "invoices", "type": "list" }, { "name": "files", "type": "list" },
                { "name": "password", "type": "text", "secret": true }
              ],
              "outputs": [ { "name": "sent", "type": "number" } ],
              "root": {
                "id": "send", "type": "SendInvoiceEmails",
                "inputs": {
                  "invoices": { "js": "invoices" }, "files": { "js": "files" },
                  "host": "127.0.0.1", "port": {{port}}, "security": "None",
                  "username": "{{username}}", "password": { "js": "password" },
                  "from": "Muster Billing <billing@muster-software.example>"
                },
                "outputs": { "sent": "sent" }
              }
            }
            """;
        return await host.RunJsonAsync(json, new Dictionary<string, object?> { ["invoices"] = invoices, ["files"] = files.Cast<object?>().ToList(), ["password"] = password });
    }
}
