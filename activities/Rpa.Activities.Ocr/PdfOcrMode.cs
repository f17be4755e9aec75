namespace Rpa.Activities.Ocr;

/// <summary>When 'Read PDF text' runs OCR on a page.</summary>
public enum PdfOcrMode
{
    /// <summary>Pages with (almost) no text layer but an image are read with OCR; the others by their text.</summary>
    Auto,

    /// <summary>Only the text layer (digital PDFs); scanned pages come out empty.</summary>
    Never,

    /// <summary>Every page's largest image is read with OCR, whatever text layer it has.</summary>
    Always,
}
