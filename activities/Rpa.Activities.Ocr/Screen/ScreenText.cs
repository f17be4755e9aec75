namespace Rpa.Activities.Ocr.Screen;

/// <summary>A screenshot (PNG) and what OCR read in it.</summary>
internal sealed record ScreenText(OcrResult Result, byte[] Png);
