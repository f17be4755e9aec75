namespace Rpa.Activities.Ocr;

/// <summary>A recognised word: its text, box, confidence (0–1) and the index of its line in <see cref="OcrResult.Lines"/>.</summary>
public sealed record OcrWord(string Text, OcrBox Box, double Confidence, int Line);
