namespace Rpa.Activities.Ocr.Fields;

/// <summary>A value found in a piece of text: the value, where it is in the text, and how sure its form is (0–1).</summary>
internal sealed record ValueMatch(object? Value, int Index, int Length, double Validity, string? Note = null);
