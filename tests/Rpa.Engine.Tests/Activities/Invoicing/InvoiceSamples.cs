using Rpa.Activities.Invoicing;

namespace Rpa.Engine.Tests.Activities.Invoicing;

/// <summary>Invoices and order lines for the invoicing tests.</summary>
internal static class InvoiceSamples
{
    public static readonly InvoiceParty Seller = new() { Name = "Muster Software GmbH", Address = "Friedrichstraße 68\n10117 Berlin", TaxId = "DE999999999", BankAccount = "DE89 3704 0044 0532 0130 00" };

    public static readonly InvoiceParty Buyer = new() { Id = "C-1", Name = "Nordwind Logistik GmbH", Address = "Hafenstraße 12; 20457 Hamburg", Email = "billing@nordwind.example" };

    public static InvoiceLine Line(string id, decimal quantity, decimal unitPrice, decimal taxRate, decimal discount = 0) =>
        new() { LineId = id, Description = $"Item {id}", Quantity = quantity, UnitPrice = unitPrice, TaxRate = taxRate, Discount = discount };

    public static Invoice Invoice(string orderId, string currency, params InvoiceLine[] lines) =>
        Rpa.Activities.Invoicing.Invoice.Create(orderId, Seller, Buyer, lines, currency, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 16), "Payment within 14 days.");

    public const string Header = "OrderId,LineId,CustomerId,CustomerName,CustomerEmail,Description,Quantity,Unit,UnitPrice,Discount,TaxRate,Currency";
}
