namespace Rpa.Activities.Invoicing;

/// <summary>
/// The totals of an invoice, computed by one documented rule (docs/invoicing.md):
/// each line is rounded on its own, half away from zero, to the currency's minor unit —
/// Net = round(Quantity × UnitPrice × (1 − Discount / 100)) and Tax = round(Net × TaxRate / 100);
/// the invoice's net, tax and every tax-summary figure are sums of those rounded line amounts, so the lines,
/// the summary and the totals always add up to the cent.
/// </summary>
public sealed record InvoiceTotals(decimal Net, decimal Tax, IReadOnlyList<TaxSummaryLine> TaxSummary)
{
    public decimal Gross => Net + Tax;

    /// <summary>The line with its Net and Tax rounded by the rule above.</summary>
    public static InvoiceLine Price(InvoiceLine line, string currency)
    {
        var net = Currencies.Round(line.Quantity * line.UnitPrice * (1m - (line.Discount / 100m)), currency);
        var tax = Currencies.Round(net * line.TaxRate / 100m, currency);
        return line with { Net = net, Tax = tax };
    }

    /// <summary>Sums priced lines; the tax summary has one entry per rate, highest rate first.</summary>
    public static InvoiceTotals Sum(IEnumerable<InvoiceLine> pricedLines)
    {
        var lines = pricedLines.ToList();
        var summary = lines
            .GroupBy(l => l.TaxRate)
            .OrderByDescending(g => g.Key)
            .Select(g => new TaxSummaryLine(g.Key, g.Sum(l => l.Net), g.Sum(l => l.Tax)))
            .ToList();
        return new InvoiceTotals(lines.Sum(l => l.Net), lines.Sum(l => l.Tax), summary);
    }
}
