using System.Globalization;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Invoicing;

/// <summary>
/// Turns order rows (one row per order line) into one invoice per order, checking every row first: any bad row
/// rejects the whole table, with the file, the row and the reason, before anything is written.
/// </summary>
public static class InvoiceRows
{
    /// <summary>The columns every row needs.</summary>
    public static readonly IReadOnlyList<string> RequiredColumns =
        ["OrderId", "LineId", "CustomerId", "CustomerName", "Description", "Quantity", "UnitPrice", "TaxRate", "Currency"];

    /// <summary>Columns that may be missing: Unit (pcs), Discount (0 percent), and the buyer's address, email and tax id.</summary>
    public static readonly IReadOnlyList<string> OptionalColumns =
        ["Unit", "Discount", "CustomerAddress", "CustomerEmail", "CustomerTaxId"];

    private const int MaxReported = 20;

    /// <summary>What the invoices share: seller, dates, terms.</summary>
    public sealed record Terms(InvoiceParty Seller, DateOnly IssueDate, int PaymentDays, string PaymentTerms, string Notes);

    /// <param name="rows">The order lines.</param>
    /// <param name="source">The file the rows came from, for error messages.</param>
    /// <param name="terms">Seller, dates and terms of every invoice.</param>
    public static List<Invoice> ToInvoices(Table rows, string source, Terms terms)
    {
        var missing = RequiredColumns.Where(c => !rows.HasColumn(c)).ToList();
        if (missing.Count > 0)
        {
            throw new ActivityException($"{source}: the column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(c => $"'{c}'"))} {(missing.Count > 1 ? "are" : "is")} missing (the rows have {string.Join(", ", rows.Columns)})");
        }

        var problems = new List<string>();
        var orders = new Dictionary<string, List<(int Row, TableRow Values, InvoiceLine Line)>>(StringComparer.Ordinal);
        var firstRowOfLine = new Dictionary<(string, string), int>();
        for (var i = 0; i < rows.Count; i++)
        {
            var number = i + 1;
            var row = rows[i];
            var errors = new List<string>();
            var line = ReadLine(row, errors);
            var orderId = Text(row, "OrderId");
            if (errors.Count == 0 && firstRowOfLine.TryGetValue((orderId, line!.LineId), out var first))
            {
                errors.Add($"the order line {orderId}/{line.LineId} is a duplicate of row {first}");
            }

            if (errors.Count > 0)
            {
                problems.AddRange(errors.Select(e => $"{source}, row {number}: {e}"));
                continue;
            }

            firstRowOfLine[(orderId, line!.LineId)] = number;
            if (!orders.TryGetValue(orderId, out var lines)) orders[orderId] = lines = [];
            lines.Add((number, row, line));
        }

        var invoices = new List<Invoice>();
        foreach (var (orderId, lines) in orders)
        {
            var (firstRow, head, _) = lines[0];
            foreach (var column in new[] { "CustomerId", "Currency" })
            {
                var expected = Text(head, column);
                foreach (var (row, values, _) in lines.Where(l => Text(l.Values, column) != expected))
                {
                    problems.Add($"{source}, row {row}: the order {orderId} has {column} '{Text(values, column)}' here but '{expected}' on row {firstRow}; one order is one invoice for one customer in one currency");
                }
            }

            var currency = Text(head, "Currency");
            invoices.Add(Invoice.Create(
                orderId,
                terms.Seller,
                new InvoiceParty
                {
                    Id = Text(head, "CustomerId"),
                    Name = Text(head, "CustomerName"),
                    Address = Text(head, "CustomerAddress"),
                    Email = Text(head, "CustomerEmail"),
                    TaxId = Text(head, "CustomerTaxId"),
                },
                lines.Select(l => l.Line),
                currency,
                terms.IssueDate,
                terms.IssueDate.AddDays(terms.PaymentDays),
                terms.PaymentTerms,
                terms.Notes));
        }

        if (problems.Count > 0)
        {
            var shown = problems.Take(MaxReported).ToList();
            var more = problems.Count > MaxReported ? $"{Environment.NewLine}... and {problems.Count - MaxReported} more" : "";
            var count = problems.Count == 1 ? "a problem" : $"{problems.Count} problems";
            throw new ActivityException($"{source} has {count}; no invoice was made:{Environment.NewLine}{string.Join(Environment.NewLine, shown)}{more}");
        }

        return invoices;
    }

    private static InvoiceLine? ReadLine(TableRow row, List<string> errors)
    {
        foreach (var column in new[] { "OrderId", "LineId", "CustomerId", "CustomerName", "Description" })
        {
            if (Text(row, column).Length == 0) errors.Add($"{column} is empty");
        }

        var currency = Text(row, "Currency");
        if (!Currencies.IsCode(currency)) errors.Add($"the currency '{currency}' is not an ISO 4217 code such as EUR or USD");
        var quantity = Number(row, "Quantity", decimals: 3, errors, required: true);
        var unitPrice = Number(row, "UnitPrice", decimals: 4, errors, required: true);
        var taxRate = Number(row, "TaxRate", decimals: 2, errors, required: true);
        var discount = Number(row, "Discount", decimals: 2, errors, required: false) ?? 0m;
        if (quantity <= 0) errors.Add($"the quantity {quantity.Value.ToString(CultureInfo.InvariantCulture)} is not positive");
        if (unitPrice < 0) errors.Add($"the unit price {unitPrice.Value.ToString(CultureInfo.InvariantCulture)} is negative");
        if (taxRate is < 0 or > 100) errors.Add($"the tax rate {taxRate.Value.ToString(CultureInfo.InvariantCulture)} is not a percentage between 0 and 100");
        if (discount is < 0 or > 100) errors.Add($"the discount {discount.ToString(CultureInfo.InvariantCulture)} is not a percentage between 0 and 100");
        if (errors.Count > 0) return null;

        var unit = Text(row, "Unit");
        return new InvoiceLine
        {
            LineId = Text(row, "LineId"),
            Description = Text(row, "Description"),
            Quantity = quantity!.Value,
            Unit = unit.Length == 0 ? "pcs" : unit,
            UnitPrice = unitPrice!.Value,
            Discount = discount,
            TaxRate = taxRate!.Value,
        };
    }

    private static string Text(TableRow row, string column) =>
        row.Table.HasColumn(column) ? ValueConverter.ToText(row[column]).Trim() : "";

    /// <summary>A number with at most <paramref name="decimals"/> decimals (more would be silently rounded away).</summary>
    private static decimal? Number(TableRow row, string column, int decimals, List<string> errors, bool required)
    {
        var value = row.Table.HasColumn(column) ? row[column] : null;
        var text = ValueConverter.ToText(value).Trim();
        if (text.Length == 0)
        {
            if (required) errors.Add($"{column} is empty");
            return null;
        }

        decimal number;
        if (value is decimal d) number = d;
        else if (!decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out number))
        {
            errors.Add($"{column} '{text}' is not a number (write it like 1234.56)");
            return null;
        }

        if (number.Scale > decimals && number != Math.Round(number, decimals))
        {
            errors.Add($"{column} '{text}' has more than {decimals} decimal{(decimals == 1 ? "" : "s")}");
            return null;
        }

        return number;
    }
}
