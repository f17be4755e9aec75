namespace Rpa.Activities.Ocr.Fields;

/// <summary>A word of the document: text, OCR confidence (1 for plain text), and its box when known.</summary>
internal sealed record Token(string Text, double Confidence, OcrBox? Box);
