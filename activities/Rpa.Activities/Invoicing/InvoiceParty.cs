namespace Rpa.Activities.Invoicing;

/// <summary>A seller or buyer as printed on the invoice.</summary>
public sealed record InvoiceParty
{
    /// <summary>The buyer's customer id, or the seller's own reference; may be empty.</summary>
    public string Id { get; init; } = "";

    public required string Name { get; init; }

    /// <summary>The postal address; lines separated by newlines.</summary>
    public string Address { get; init; } = "";

    /// <summary>VAT or tax number.</summary>
    public string TaxId { get; init; } = "";

    public string Email { get; init; } = "";

    /// <summary>Bank account (IBAN) for payment; printed for the seller.</summary>
    public string BankAccount { get; init; } = "";
}
