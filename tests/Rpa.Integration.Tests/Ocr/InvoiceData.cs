using System.Globalization;

namespace Rpa.Integration.Tests.Ocr;

/// <summary>One generated invoice and its ground truth.</summary>
public sealed record InvoiceData
{
    public required string Vendor { get; init; }

    public required string VendorAddress { get; init; }

    public required string Customer { get; init; }

    public required string InvoiceNumber { get; init; }

    public required DateOnly Date { get; init; }

    /// <summary>How the date is printed: iso, dmy (15.03.2024), us (March 15, 2024), slash (15/03/2024).</summary>
    public required string DateStyle { get; init; }

    public required string Currency { get; init; }

    /// <summary>Amounts printed as 1.234,56 instead of 1,234.56.</summary>
    public bool GermanNumbers { get; init; }

    public required IReadOnlyList<(string Description, int Quantity, decimal UnitPrice)> Items { get; init; }

    public required decimal TaxRate { get; init; }

    public required string Iban { get; init; }

    public decimal Net => Items.Sum(i => i.Quantity * i.UnitPrice);

    public decimal Tax => Math.Round(Net * TaxRate / 100m, 2, MidpointRounding.AwayFromZero);

    public decimal Total => Net + Tax;

    public string Amount(decimal value) => GermanNumbers
        ? value.ToString("#,##0.00", CultureInfo.GetCultureInfo("de-DE"))
        : value.ToString("#,##0.00", CultureInfo.InvariantCulture);

    public string PrintedDate => DateStyle switch
    {
        "iso" => Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        "dmy" => Date.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture),
        "us" => Date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture),
        _ => Date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
    };

    /// <summary>The fields a capture bot should find, as the ground-truth JSON holds them.</summary>
    public Dictionary<string, object?> Truth() => new()
    {
        ["vendor"] = Vendor,
        ["invoiceNumber"] = InvoiceNumber,
        ["date"] = Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["currency"] = Currency,
        ["net"] = Net,
        ["tax"] = Tax,
        ["total"] = Total,
        ["iban"] = Iban.Replace(" ", "", StringComparison.Ordinal),
    };

    /// <summary>A varied, deterministic set of invoices.</summary>
    public static IReadOnlyList<InvoiceData> Samples()
    {
        return
        [
            new InvoiceData
            {
                Vendor = "Acme Office Supplies", VendorAddress = "12 Harbour Road, Bristol BS1 4QA", Customer = "Northwind Traders Ltd",
                InvoiceNumber = "INV-2024-0042", Date = new DateOnly(2024, 3, 15), DateStyle = "iso", Currency = "GBP",
                Items = [("Paper A4, 500 sheets", 10, 4.99m), ("Toner cartridge, black", 2, 89.00m), ("Desk organiser", 3, 12.50m)],
                TaxRate = 20m, Iban = "GB82 WEST 1234 5698 7654 32",
            },
            new InvoiceData
            {
                Vendor = "Brandt Maschinenbau GmbH", VendorAddress = "Industriestrasse 7, 70565 Stuttgart", Customer = "Contoso Europe BV",
                InvoiceNumber = "RE-10234", Date = new DateOnly(2024, 11, 4), DateStyle = "dmy", Currency = "EUR", GermanNumbers = true,
                Items = [("Hydraulic pump HP-200", 1, 1849.00m), ("Service hours", 6, 95.00m), ("Seal kit", 4, 23.75m)],
                TaxRate = 19m, Iban = "DE89 3704 0044 0532 0130 00",
            },
            new InvoiceData
            {
                Vendor = "Pioneer Cloud Services", VendorAddress = "400 Market Street, Denver, CO 80202", Customer = "Fabrikam Inc.",
                InvoiceNumber = "PCS-88317", Date = new DateOnly(2025, 1, 31), DateStyle = "us", Currency = "USD",
                Items = [("Compute instances, January", 1, 2310.40m), ("Object storage, 4 TB", 4, 92.00m), ("Support plan", 1, 299.00m)],
                TaxRate = 8m, Iban = "NL91 ABNA 0417 1643 00",
            },
            new InvoiceData
            {
                Vendor = "Lumiere Conseil SARL", VendorAddress = "8 rue de la Paix, 75002 Paris", Customer = "Tailspin Toys SA",
                InvoiceNumber = "2024/117", Date = new DateOnly(2024, 6, 28), DateStyle = "slash", Currency = "EUR",
                Items = [("Strategy workshop", 2, 1200.00m), ("Travel expenses", 1, 312.60m)],
                TaxRate = 20m, Iban = "FR14 2004 1010 0505 0001 3M02 606",
            },
        ];
    }
}
