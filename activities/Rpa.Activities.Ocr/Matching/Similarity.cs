using Rpa.Engine.Text;

namespace Rpa.Activities.Ocr.Matching;

/// <summary>How alike two texts are: 1 minus the edit distance over the longer length (1 = equal, 0 = nothing alike).</summary>
internal static class Similarity
{
    public static double Of(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        var longest = Math.Max(a.Length, b.Length);
        return 1.0 - ((double)EditDistance.Between(a, b) / longest);
    }

    /// <summary>Lower case, inner whitespace collapsed, punctuation at the ends of each word removed ("Total:" → "total").</summary>
    public static string Normalize(string text)
    {
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim(TrimmedPunctuation).ToLowerInvariant())
            .Where(w => w.Length > 0);
        return string.Join(' ', words);
    }

    private static readonly char[] TrimmedPunctuation = [':', '.', ',', ';', '!', '?', '"', '\'', '‘', '’', '“', '”', '(', ')', '[', ']', '|', '*', '#', '_', '—', '–', '-', '»', '«'];
}
