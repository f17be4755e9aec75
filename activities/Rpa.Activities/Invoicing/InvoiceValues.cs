using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Invoicing;

/// <summary>Reads the invoice lists the invoicing activities pass along, and parses the seller object.</summary>
internal static class InvoiceValues
{
    public static List<Invoice> From(List<object?>? items, string input = "invoices")
    {
        if (items is null) throw new ActivityException($"{input} is empty (null); give the invoices made by Create invoices");
        var invoices = new List<Invoice>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            invoices.Add(items[i] as Invoice
                ?? throw new ActivityException($"{input}: item {i + 1} is {DataTypes.Describe(items[i])}, not an invoice made by Create invoices"));
        }

        return invoices;
    }

    public static List<Invoice> Numbered(List<object?>? items)
    {
        var invoices = From(items);
        var missing = invoices.Where(i => i.Number.Length == 0).Select(i => i.OrderId).ToList();
        if (missing.Count > 0)
        {
            throw new ActivityException($"the invoices of the orders {string.Join(", ", missing.Take(5))}{(missing.Count > 5 ? ", ..." : "")} have no number yet; issue numbers first (Issue invoice numbers)");
        }

        return invoices;
    }

    public static InvoiceParty Seller(Dictionary<string, object?>? seller)
    {
        if (seller is null) throw new ActivityException("seller is empty; give an object such as {\"name\": \"Acme GmbH\", \"address\": \"...\", \"taxId\": \"DE123\"}");
        string Field(string name) =>
            seller.FirstOrDefault(p => string.Equals(p.Key, name, StringComparison.OrdinalIgnoreCase)).Value is { } value ? ValueConverter.ToText(value).Trim() : "";
        var known = new[] { "id", "name", "address", "taxId", "email", "bankAccount" };
        var unknown = seller.Keys.Where(k => !known.Contains(k, StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0) throw new ActivityException($"seller: unknown field{(unknown.Count > 1 ? "s" : "")} {string.Join(", ", unknown)} (known: {string.Join(", ", known)})");
        var name = Field("name");
        if (name.Length == 0) throw new ActivityException("seller: name is empty");
        return new InvoiceParty { Id = Field("id"), Name = name, Address = Field("address"), TaxId = Field("taxId"), Email = Field("email"), BankAccount = Field("bankAccount") };
    }
}
