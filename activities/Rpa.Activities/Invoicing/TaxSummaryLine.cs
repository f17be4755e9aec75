namespace Rpa.Activities.Invoicing;

/// <summary>The net amount and tax of all the lines of one tax rate.</summary>
public sealed record TaxSummaryLine(decimal Rate, decimal Net, decimal Tax)
{
    public decimal Gross => Net + Tax;
}
