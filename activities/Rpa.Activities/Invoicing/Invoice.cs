namespace Rpa.Activities.Invoicing;

/// <summary>
/// An invoice for one order. Made by <see cref="CreateInvoices"/> (lines priced, totals summed), numbered by
/// <see cref="IssueInvoiceNumbers"/>; build one in code with <see cref="Create"/>.
/// </summary>
public sealed record Invoice
{
    /// <summary>The invoice number (such as INV-2026-000123); empty until issued.</summary>
    public string Number { get; init; } = "";

    /// <summary>The order this invoice bills; the key that makes numbering idempotent.</summary>
    public required string OrderId { get; init; }

    public required InvoiceParty Seller { get; init; }

    public required InvoiceParty Buyer { get; init; }

    public required IReadOnlyList<InvoiceLine> Lines { get; init; }

    /// <summary>ISO 4217 code such as EUR.</summary>
    public required string Currency { get; init; }

    public required DateOnly IssueDate { get; init; }

    public required DateOnly DueDate { get; init; }

    /// <summary>Payment terms as printed, such as "Payment within 30 days".</summary>
    public string PaymentTerms { get; init; } = "";

    public string Notes { get; init; } = "";

    public required InvoiceTotals Totals { get; init; }

    /// <summary>An invoice with its lines priced and totals summed by the rounding rule of <see cref="InvoiceTotals"/>.</summary>
    public static Invoice Create(
        string orderId, InvoiceParty seller, InvoiceParty buyer, IEnumerable<InvoiceLine> lines, string currency,
        DateOnly issueDate, DateOnly dueDate, string paymentTerms = "", string notes = "")
    {
        var priced = lines.Select(l => InvoiceTotals.Price(l, currency)).ToList();
        return new Invoice
        {
            OrderId = orderId,
            Seller = seller,
            Buyer = buyer,
            Lines = priced,
            Currency = currency,
            IssueDate = issueDate,
            DueDate = dueDate,
            PaymentTerms = paymentTerms,
            Notes = notes,
            Totals = InvoiceTotals.Sum(priced),
        };
    }

    public override string ToString() =>
        $"Invoice {(Number.Length > 0 ? Number : "(no number)")} for order {OrderId}, {Buyer.Name}, {Totals.Gross} {Currency}";
}
