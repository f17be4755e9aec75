using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;
using Rpa.Activities.Documents;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Invoicing;

[Activity("Invoicing", "Send invoice emails", Description = "Emails each invoice's PDF to the buyer's address over SMTP (MailKit), one connection for all. Subject and body are Liquid templates that see 'invoice' (see docs/invoicing.md).")]
public sealed class SendInvoiceEmails : Activity
{
    [Input(Required = true, Description = "The numbered invoices; each buyer needs an email address.")]
    public Input<List<object?>> Invoices { get; set; } = new();

    [Input(Required = true, Description = "The invoice PDFs in the same order (the files output of Render invoice PDFs).")]
    public Input<List<string>> Files { get; set; } = new();

    [Input(Required = true, Description = "The SMTP server's host name.")]
    public Input<string> Host { get; set; } = new();

    [Input(Description = "The SMTP port: 587 (STARTTLS), 465 (TLS) or 25.")]
    public Input<int> Port { get; set; } = new(587);

    [Input(Description = "Auto, None (plain, local servers only), StartTls or Tls.")]
    public Input<SmtpSecurity> Security { get; set; } = new(SmtpSecurity.Auto);

    [Input(Description = "The SMTP user name; empty: no login.")]
    public Input<string> Username { get; set; } = new("");

    [Input(Secret = true, Description = "The SMTP password; masked in the journal and logs.")]
    public Input<string> Password { get; set; } = new("");

    [Input(Required = true, Description = "The sender, such as \"Acme Billing <billing@acme.example>\".")]
    public Input<string> From { get; set; } = new();

    [Input(Description = "The subject (Liquid).")]
    public Input<string> Subject { get; set; } = new("Invoice {{ invoice.number }} from {{ invoice.seller.name }}");

    [Input(Description = "The plain-text body (Liquid).")]
    public Input<string> Body { get; set; } = new("Dear {{ invoice.buyer.name }},\n\nplease find attached invoice {{ invoice.number }} for order {{ invoice.order_id }} over {{ invoice.gross }} {{ invoice.currency }}, due on {{ invoice.due_date }}.\n\nKind regards\n{{ invoice.seller.name }}\n");

    [Output(Description = "The number of emails sent.")]
    public Output<int> Sent { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var invoices = InvoiceValues.Numbered(context.Get(Invoices));
        var files = context.Get(Files) ?? [];
        if (files.Count != invoices.Count) throw new ActivityException($"files has {files.Count} PDFs for {invoices.Count} invoices; give one PDF per invoice, in the same order");
        var from = Address(context.Get(From), "from");
        var subject = DocumentTemplate.Parse(context.Get(Subject), "subject");
        var body = DocumentTemplate.Parse(context.Get(Body), "body");

        // Check everything before the first message leaves, so bad input sends nothing.
        var messages = new List<MimeMessage>(invoices.Count);
        for (var i = 0; i < invoices.Count; i++)
        {
            var invoice = invoices[i];
            if (invoice.Buyer.Email.Length == 0) throw new ActivityException($"the invoice {invoice.Number} (order {invoice.OrderId}) has no buyer email address");
            var to = Address(invoice.Buyer.Email, $"the email address of {invoice.Buyer.Name} (invoice {invoice.Number})");
            var model = new Dictionary<string, object?> { ["invoice"] = InvoiceDocument.Model(invoice) };
            var builder = new BodyBuilder { TextBody = body.Render(model, encodeHtml: false) };
            var pdf = PdfFiles.Read(files[i], context.ResolvePath(files[i]));
            builder.Attachments.Add(Path.GetFileName(files[i]), pdf, new ContentType("application", "pdf"));
            var message = new MimeMessage { Subject = subject.Render(model, encodeHtml: false).Trim(), Body = builder.ToMessageBody() };
            message.From.Add(from);
            message.To.Add(to);
            messages.Add(message);
        }

        var host = context.Get(Host);
        var port = context.Get(Port);
        var username = context.Get(Username);
        var password = context.Get(Password);
        using var client = new SmtpClient();
        var sent = 0;
        try
        {
            await client.ConnectAsync(host, port, Options(context.Get(Security)), context.CancellationToken).ConfigureAwait(false);
            if (username.Length > 0) await client.AuthenticateAsync(username, password, context.CancellationToken).ConfigureAwait(false);
            foreach (var message in messages)
            {
                await client.SendAsync(message, context.CancellationToken).ConfigureAwait(false);
                sent++;
            }

            await client.DisconnectAsync(quit: true, context.CancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is MailKit.ProtocolException or MailKit.CommandException or System.Net.Sockets.SocketException or AuthenticationException or IOException)
        {
            throw new ActivityException($"SMTP {host}:{port}: {e.Message} ({sent} of {messages.Count} emails were sent before)", e);
        }

        context.Set(Sent, sent);
    }

    private static MailboxAddress Address(string text, string what) =>
        MailboxAddress.TryParse(text, out var address) && address.Address.Contains('@', StringComparison.Ordinal)
            ? address
            : throw new ActivityException($"{what} '{text}' is not an email address");

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
