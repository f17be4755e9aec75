namespace Rpa.Activities.Ocr.Fields;

/// <summary>What a field's value looks like.</summary>
internal enum FieldPattern
{
    /// <summary>The rest of the line after the anchor (or the line below); without an anchor, the document's first line.</summary>
    Text,

    /// <summary>A date (2024-03-15, 15.03.2024, 15/03/2024, 03/15/2024, 15 March 2024, March 15, 2024) → "yyyy-MM-dd".</summary>
    Date,

    /// <summary>Money with two decimals (1,234.56, 1.234,56, € 12.50, 99.00 EUR) → a number.</summary>
    Amount,

    /// <summary>A number (12, -3.5, 4,25) → a number.</summary>
    Number,

    /// <summary>A document number with at least one digit (INV-2024-0042, 2024/117, A-000512).</summary>
    InvoiceNumber,

    /// <summary>An IBAN, spaces removed, check digits verified.</summary>
    Iban,

    /// <summary>A currency code (EUR, USD, GBP, ...) or symbol (€ $ £ ¥) → the ISO code.</summary>
    Currency,

    /// <summary>An e-mail address.</summary>
    Email,

    /// <summary>The declaration's own regular expression (its first group, or the whole match).</summary>
    Regex,
}
