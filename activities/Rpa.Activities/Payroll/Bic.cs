namespace Rpa.Activities.Payroll;

/// <summary>The shape of a BIC (ISO 9362): 4 letters (bank), 2 letters (country), 2 letters or digits (location), optionally 3 more (branch).</summary>
public static class Bic
{
    public static bool IsValid(string text)
    {
        var bic = text.Trim().ToUpperInvariant();
        return bic.Length is 8 or 11
            && bic[..6].All(char.IsAsciiLetterUpper)
            && bic[6..].All(char.IsAsciiLetterOrDigit);
    }
}
