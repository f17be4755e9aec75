namespace Rpa.Activities.Ocr.Fields;

/// <summary>What was found for one field: its value (null when not found), the text it came from, a confidence 0–1, and why.</summary>
internal sealed record ExtractedField(string Name, object? Value, string Text, double Confidence, string Reason);
