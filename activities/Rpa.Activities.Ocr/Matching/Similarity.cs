namespace Rpa.Activities.Ocr.Matching;

/// <summary>How alike two texts are: 1 minus the edit distance over the longer length (1 = equal, 0 = nothing alike).</summary>
internal static class Similarity
{
    public static double Of(string a, string b)
    {
        if (a.Length == 0 && b.Length == 0) return 1;
        var longest = Math.Max(a.Length, b.Length);
        return 1.0 - ((double)Distance(a, b) / longest);
    }

    public static int Distance(string a, string b)
    {
        if (a.Length == 0) return b.Length;
        if (b.Length == 0) return a.Length;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
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
