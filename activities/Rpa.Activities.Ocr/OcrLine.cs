namespace Rpa.Activities.Ocr;

/// <summary>A recognised line: its words joined by spaces, its box and confidence (0–1).</summary>
public sealed record OcrLine(string Text, OcrBox Box, double Confidence);
