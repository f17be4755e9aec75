using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Ocr.Fields;

/// <summary>
/// Turns OCR words into visual rows: words whose middles are at the same height (after undoing the page's skew,
/// estimated from OCR's own lines) form one row, left to right, however far apart they are. This keeps a label and
/// its value together even when OCR put them in different blocks ("Total" on the left, "1,234.56" on the right).
/// </summary>
internal static class DocumentRows
{
    private static readonly char[] Whitespace = [' ', '\t', '\r'];

    public static List<TextRow> FromText(string text) =>
        text.Split('\n')
            .Select(line => line.Split(Whitespace, StringSplitOptions.RemoveEmptyEntries).SelectMany(Split).Select(w => new Token(w, 1.0, null)).ToList())
            .Where(tokens => tokens.Count > 0)
            .Select(tokens => new TextRow(1, tokens))
            .ToList();

    public static List<TextRow> FromWords(IReadOnlyList<object?> words)
    {
        var parsed = words.Select((w, i) => Parse(w, i)).Where(w => w.Text.Length > 0).ToList();
        if (parsed.Count == 0) return [];
        var rows = new List<TextRow>();
        foreach (var page in parsed.GroupBy(w => w.Page).OrderBy(g => g.Key))
        {
            var slope = Slope(page.ToList());
            var sorted = page.Select(w => (Word: w, Y: w.CenterY - (slope * w.CenterX))).OrderBy(x => x.Y).ToList();
            var current = new List<(ParsedWord Word, double Y)>();
            foreach (var item in sorted)
            {
                if (current.Count > 0)
                {
                    var meanY = current.Average(c => c.Y);
                    var height = Math.Max(current.Average(c => c.Word.Box.Height), item.Word.Box.Height);
                    if (Math.Abs(item.Y - meanY) > height * 0.5)
                    {
                        rows.Add(Row(page.Key, current));
                        current = [];
                    }
                }

                current.Add(item);
            }

            if (current.Count > 0) rows.Add(Row(page.Key, current));
        }

        return rows;
    }

    private static TextRow Row(int page, List<(ParsedWord Word, double Y)> words) =>
        new(page, words.OrderBy(w => w.Word.Box.X).SelectMany(w => Split(w.Word.Text).Select(t => new Token(t, w.Word.Confidence, w.Word.Box))).ToList());

    /// <summary>"No:RE-10234" → "No:", "RE-10234": a label glued to its value.</summary>
    private static IEnumerable<string> Split(string word)
    {
        var colon = word.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && colon < word.Length - 1 && char.IsLetter(word[colon - 1]))
        {
            yield return word[..(colon + 1)];
            yield return word[(colon + 1)..];
        }
        else
        {
            yield return word;
        }
    }

    /// <summary>The median slope (dy/dx) of OCR lines with two or more words; 0 without line numbers.</summary>
    private static double Slope(List<ParsedWord> words)
    {
        var slopes = new List<double>();
        foreach (var line in words.Where(w => w.Line is not null).GroupBy(w => w.Line))
        {
            var items = line.ToList();
            if (items.Count < 2) continue;
            var meanX = items.Average(w => w.CenterX);
            var meanY = items.Average(w => w.CenterY);
            var sxx = items.Sum(w => (w.CenterX - meanX) * (w.CenterX - meanX));
            if (sxx < 1e-6) continue;
            var sxy = items.Sum(w => (w.CenterX - meanX) * (w.CenterY - meanY));
            var span = items.Max(w => w.CenterX) - items.Min(w => w.CenterX);
            if (span > items.Average(w => w.Box.Height) * 4) slopes.Add(sxy / sxx);
        }

        if (slopes.Count == 0) return 0;
        slopes.Sort();
        return Math.Clamp(slopes[slopes.Count / 2], -0.1, 0.1);
    }

    private static ParsedWord Parse(object? value, int index)
    {
        if (value is not IDictionary<string, object?> word)
        {
            throw new ActivityException($"words[{index}]: expected an object {{ text, x, y, width, height, confidence }} as OCR activities give, not {DataTypes.Describe(value)}");
        }

        double Number(string key, double fallback)
        {
            var found = word.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.OrdinalIgnoreCase));
            if (found.Key is null || found.Value is null) return fallback;
            try
            {
                return ValueConverter.Convert<double>(found.Value);
            }
            catch (ValueConversionException e)
            {
                throw new ActivityException($"words[{index}].{key}: {e.Message}", e);
            }
        }

        var text = ValueConverter.ToText(word.FirstOrDefault(p => string.Equals(p.Key, "text", StringComparison.OrdinalIgnoreCase)).Value).Trim();
        var box = new OcrBox((int)Number("x", 0), (int)Number("y", index * 20), Math.Max(1, (int)Number("width", 10)), Math.Max(1, (int)Number("height", 10)));
        var line = word.Keys.Any(k => string.Equals(k, "line", StringComparison.OrdinalIgnoreCase)) ? (int?)Number("line", 0) : null;
        return new ParsedWord(text, box, Math.Clamp(Number("confidence", 1), 0, 1), (int)Number("page", 1), line);
    }

    private sealed record ParsedWord(string Text, OcrBox Box, double Confidence, int Page, int? Line)
    {
        public double CenterX => Box.CenterX;

        public double CenterY => Box.CenterY;
    }
}
