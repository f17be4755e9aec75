namespace Rpa.Activities.Invoicing;

/// <summary>
/// One line of an invoice with its amounts rounded by the rule in <see cref="InvoiceTotals"/>:
/// Net = round(Quantity × UnitPrice × (1 − Discount / 100)), Tax = round(Net × TaxRate / 100).
/// </summary>
public sealed record InvoiceLine
{
    /// <summary>The order line's id; unique within its order.</summary>
    public required string LineId { get; init; }

    public required string Description { get; init; }

    public required decimal Quantity { get; init; }

    /// <summary>The unit of the quantity: pcs, h, kg ...</summary>
    public string Unit { get; init; } = "pcs";

    public required decimal UnitPrice { get; init; }

    /// <summary>The discount in percent (0 to 100).</summary>
    public decimal Discount { get; init; }

    /// <summary>The tax rate in percent, such as 19 or 7.5 (at most two decimals).</summary>
    public required decimal TaxRate { get; init; }

    /// <summary>The line's amount without tax, after discount, rounded to the currency's minor unit.</summary>
    public decimal Net { get; init; }

    /// <summary>The line's tax, rounded to the currency's minor unit.</summary>
    public decimal Tax { get; init; }

    public decimal Gross => Net + Tax;
}
