namespace Rpa.Activities.Payroll;

/// <summary>The bank payment file: a SEPA credit transfer (pain.001.001.03 XML) or CSV.</summary>
public enum PaymentFileFormat
{
    Sepa,
    Csv,
}
