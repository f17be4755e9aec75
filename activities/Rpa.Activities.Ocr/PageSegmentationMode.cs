namespace Rpa.Activities.Ocr;

/// <summary>How Tesseract splits a page into blocks and lines (its --psm); the numbers are Tesseract's.</summary>
public enum PageSegmentationMode
{
    /// <summary>Fully automatic layout analysis, no orientation detection (Tesseract's default, psm 3).</summary>
    Auto = 3,

    /// <summary>Automatic layout with orientation and script detection (psm 1; needs osd.traineddata).</summary>
    AutoOsd = 1,

    /// <summary>Automatic layout without OSD or OCR of the layout (psm 2).</summary>
    AutoOnly = 2,

    /// <summary>One column of text of variable sizes (psm 4): keeps table rows together.</summary>
    SingleColumn = 4,

    /// <summary>One uniform block of vertically aligned text (psm 5).</summary>
    SingleBlockVertical = 5,

    /// <summary>One uniform block of text (psm 6).</summary>
    SingleBlock = 6,

    /// <summary>One line of text (psm 7).</summary>
    SingleLine = 7,

    /// <summary>One word (psm 8).</summary>
    SingleWord = 8,

    /// <summary>One word in a circle (psm 9).</summary>
    CircleWord = 9,

    /// <summary>One character (psm 10).</summary>
    SingleChar = 10,

    /// <summary>As much text as possible in no particular order (psm 11): screens, forms, scattered labels.</summary>
    SparseText = 11,

    /// <summary>Sparse text with orientation and script detection (psm 12).</summary>
    SparseTextOsd = 12,

    /// <summary>One line, bypassing Tesseract's own heuristics (psm 13).</summary>
    RawLine = 13,
}
