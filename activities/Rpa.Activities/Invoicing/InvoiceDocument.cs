using System.Globalization;
using Rpa.Activities.Documents;

namespace Rpa.Activities.Invoicing;

/// <summary>
/// Renders an invoice as HTML with a Liquid template: the default one (InvoiceTemplate.liquid, embedded) or a custom
/// one. The template sees one variable, <c>invoice</c>, whose fields docs/invoicing.md lists; amounts are text with
/// the currency's decimals (1,234.50), quantities and rates are text without trailing zeros, dates are yyyy-MM-dd.
/// </summary>
public static class InvoiceDocument
{
    private static readonly Lazy<string> DefaultTemplateText = new(() =>
    {
        using var stream = typeof(InvoiceDocument).Assembly.GetManifestResourceStream("Rpa.Activities.Invoicing.InvoiceTemplate.liquid")
            ?? throw new InvalidOperationException("The embedded invoice template is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    });

    /// <summary>The default template's text, to start a custom one from.</summary>
    public static string DefaultTemplate => DefaultTemplateText.Value;

    public static DocumentTemplate Default => DocumentTemplate.Parse(DefaultTemplate, "InvoiceTemplate.liquid (built in)");

    public static string ToHtml(Invoice invoice, DocumentTemplate? template = null) =>
        (template ?? Default).Render(new Dictionary<string, object?> { ["invoice"] = Model(invoice) });

    /// <summary>What a template sees as <c>invoice</c>.</summary>
    public static Dictionary<string, object?> Model(Invoice invoice)
    {
        string Money(decimal amount) => Currencies.Format(amount, invoice.Currency);
        return new Dictionary<string, object?>
        {
            ["number"] = invoice.Number,
            ["order_id"] = invoice.OrderId,
            ["currency"] = invoice.Currency,
            ["issue_date"] = Date(invoice.IssueDate),
            ["due_date"] = Date(invoice.DueDate),
            ["payment_terms"] = invoice.PaymentTerms,
            ["notes"] = invoice.Notes,
            ["seller"] = Party(invoice.Seller),
            ["buyer"] = Party(invoice.Buyer),
            ["lines"] = invoice.Lines.Select((l, i) => (object?)new Dictionary<string, object?>
            {
                ["position"] = i + 1,
                ["line_id"] = l.LineId,
                ["description"] = l.Description,
                ["quantity"] = Plain(l.Quantity),
                ["unit"] = l.Unit,
                ["unit_price"] = UnitPrice(l.UnitPrice, invoice.Currency),
                ["discount"] = l.Discount == 0 ? "" : Plain(l.Discount) + " %",
                ["tax_rate"] = Plain(l.TaxRate) + " %",
                ["net"] = Money(l.Net),
                ["tax"] = Money(l.Tax),
                ["gross"] = Money(l.Gross),
            }).ToList(),
            ["tax_summary"] = invoice.Totals.TaxSummary.Select(t => (object?)new Dictionary<string, object?>
            {
                ["rate"] = Plain(t.Rate) + " %",
                ["net"] = Money(t.Net),
                ["tax"] = Money(t.Tax),
                ["gross"] = Money(t.Gross),
            }).ToList(),
            ["net"] = Money(invoice.Totals.Net),
            ["tax"] = Money(invoice.Totals.Tax),
            ["gross"] = Money(invoice.Totals.Gross),
        };
    }

    private static Dictionary<string, object?> Party(InvoiceParty party) => new()
    {
        ["id"] = party.Id,
        ["name"] = party.Name,
        ["address_lines"] = party.Address.Split(['\n', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Cast<object?>().ToList(),
        ["tax_id"] = party.TaxId,
        ["email"] = party.Email,
        ["bank_account"] = party.BankAccount,
    };

    /// <summary>A unit price with the currency's decimals, or with its own when it has more (0.1250).</summary>
    private static string UnitPrice(decimal price, string currency) =>
        price.Scale > Currencies.MinorUnits(currency) ? price.ToString("#,##0.00##", CultureInfo.InvariantCulture) : Currencies.Format(price, currency);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A number without trailing zeros: 2.50 → 2.5, 19.00 → 19.</summary>
    private static string Plain(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
