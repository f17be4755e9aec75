namespace Rpa.Activities.Ocr.Matching;

/// <summary>Words on the screen that read like the phrase: what they say, their box, how alike (0–1) and OCR's confidence.</summary>
internal sealed record PhraseMatch(string Text, OcrBox Box, double Score, double Confidence, int Line, int FirstWord);
