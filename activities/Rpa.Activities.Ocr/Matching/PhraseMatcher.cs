namespace Rpa.Activities.Ocr.Matching;

/// <summary>
/// Finds a phrase among recognised words, fuzzily: every run of consecutive words on a line, about as many as the
/// phrase has, is compared with it (case and punctuation at word ends ignored), and the most alike runs win.
/// </summary>
internal static class PhraseMatcher
{
    /// <summary>The best non-overlapping matches, most alike first (ties in reading order).</summary>
    public static List<PhraseMatch> Find(IReadOnlyList<OcrWord> words, string phrase)
    {
        var target = Similarity.Normalize(phrase);
        if (target.Length == 0) return [];
        var count = target.Split(' ').Length;
        var candidates = new List<PhraseMatch>();
        var lines = words.Select((w, i) => (Word: w, Index: i)).GroupBy(x => x.Word.Line);
        foreach (var line in lines)
        {
            var items = line.ToList();
            for (var start = 0; start < items.Count; start++)
            {
                for (var length = Math.Max(1, count - 1); length <= count + 1 && start + length <= items.Count; length++)
                {
                    var run = items.GetRange(start, length);
                    var text = string.Join(' ', run.Select(x => x.Word.Text));
                    var normalized = Similarity.Normalize(text);
                    if (normalized.Length == 0) continue;
                    var score = Math.Max(Similarity.Of(normalized, target), Similarity.Of(normalized.Replace(" ", "", StringComparison.Ordinal), target.Replace(" ", "", StringComparison.Ordinal)));
                    var box = run.Skip(1).Aggregate(run[0].Word.Box, (b, x) => b.Union(x.Word.Box));
                    candidates.Add(new PhraseMatch(text, box, Math.Round(score, 3), run.Min(x => x.Word.Confidence), line.Key, run[0].Index));
                }
            }
        }

        var chosen = new List<PhraseMatch>();
        var used = new HashSet<int>();
        foreach (var candidate in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.Line).ThenBy(c => c.Box.X))
        {
            var span = Enumerable.Range(candidate.FirstWord, candidate.Text.Split(' ').Length).ToList();
            if (span.Any(used.Contains)) continue;
            chosen.Add(candidate);
            used.UnionWith(span);
        }

        return chosen;
    }
}
