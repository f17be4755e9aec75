namespace Rpa.Activities.Documents;

/// <summary>Paper sizes for printing to PDF.</summary>
public enum PaperFormat
{
    A4,
    Letter,
    Legal,
    A3,
    A5,
}
