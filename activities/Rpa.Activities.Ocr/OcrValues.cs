namespace Rpa.Activities.Ocr;

/// <summary>OCR results in the engine's value shapes (objects with decimal numbers), as activities output them.</summary>
public static class OcrValues
{
    /// <summary>{ text, x, y, width, height, confidence, line[, page] } per word; line is the index of the word's line.</summary>
    public static List<object?> Words(IEnumerable<OcrWord> words, int? page = null) =>
        words.Select(w =>
        {
            var value = Word(w.Text, w.Box, w.Confidence, page);
            value["line"] = (decimal)w.Line;
            return (object?)value;
        }).ToList();

    public static List<object?> Lines(IEnumerable<OcrLine> lines, int? page = null) =>
        lines.Select(l => (object?)Word(l.Text, l.Box, l.Confidence, page)).ToList();

    /// <summary>{ text, x, y, width, height, confidence[, page] }.</summary>
    public static Dictionary<string, object?> Word(string text, OcrBox box, double confidence, int? page = null)
    {
        var value = new Dictionary<string, object?>
        {
            ["text"] = text,
            ["x"] = (decimal)box.X,
            ["y"] = (decimal)box.Y,
            ["width"] = (decimal)box.Width,
            ["height"] = (decimal)box.Height,
            ["confidence"] = Confidence(confidence),
        };
        if (page is not null) value["page"] = (decimal)page.Value;
        return value;
    }

    /// <summary>{ x, y, width, height }.</summary>
    public static Dictionary<string, object?> Box(OcrBox box) => new()
    {
        ["x"] = (decimal)box.X,
        ["y"] = (decimal)box.Y,
        ["width"] = (decimal)box.Width,
        ["height"] = (decimal)box.Height,
    };

    /// <summary>A confidence 0–1 as a decimal with two places.</summary>
    public static decimal Confidence(double value) => Math.Round((decimal)Math.Clamp(value, 0, 1), 2);
}
