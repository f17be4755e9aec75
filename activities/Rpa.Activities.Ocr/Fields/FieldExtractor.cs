using Rpa.Activities.Ocr.Matching;

namespace Rpa.Activities.Ocr.Fields;

/// <summary>
/// Finds declared fields in rows of a document. With anchors: each place an anchor appears (fuzzily, whole words),
/// the value is looked for right of it on the same row, then on the rows just below it; values right of an anchor
/// win over values below, then the anchors' order, then reading order. Without anchors: the first value of the
/// pattern in the document (text: the first row).
/// A field's confidence is OCR's confidence in the words of the value × how well the anchor matched × how sure the
/// value's form is (an IBAN whose check digits fail, an ambiguous 03/04/2024) × 0.9 when the value was below its anchor.
/// </summary>
internal static class FieldExtractor
{
    private const double AnchorThreshold = 0.8;

    public static ExtractedField Extract(FieldDeclaration field, IReadOnlyList<TextRow> rows, bool monthFirst)
    {
        if (rows.Count == 0) return Missing(field, "the document has no text");
        if (field.Anchors.Count == 0) return WithoutAnchor(field, rows, monthFirst);

        var candidates = new List<(int Rank, ExtractedField Field)>();
        var anchorsSeen = false;
        for (var a = 0; a < field.Anchors.Count; a++)
        {
            var anchor = Similarity.Normalize(field.Anchors[a]);
            var anchorWords = anchor.Split(' ').Length;
            for (var r = 0; r < rows.Count; r++)
            {
                var tokens = SplitGlued(rows[r].Tokens, anchor);
                foreach (var (start, length, score) in AnchorHits(tokens, anchor, anchorWords))
                {
                    anchorsSeen = true;
                    var anchorTokens = tokens.Skip(start).Take(length).ToList();

                    // "Date" inside "Due date" is another label: such hits only count when nothing better is found.
                    var compound = start > 0 && IsWord(tokens[start - 1].Text) && !tokens[start - 1].Text.EndsWith(':') ? 500 : 0;
                    if (field.Direction != FieldDirection.Below)
                    {
                        var right = tokens.Skip(start + length).ToList();
                        if (Find(field, right, monthFirst, score, 1.0, field.Anchors[a]) is { } found) candidates.Add((compound + a, found));
                    }

                    if (field.Direction != FieldDirection.Right)
                    {
                        foreach (var below in Below(rows, r, anchorTokens))
                        {
                            if (Find(field, below, monthFirst, score, 0.9, field.Anchors[a]) is { } found)
                            {
                                candidates.Add((1000 + compound + a, found));
                                break;
                            }
                        }
                    }
                }
            }
        }

        if (candidates.Count > 0) return candidates.OrderBy(c => c.Rank).First().Field;
        var anchors = string.Join(" / ", field.Anchors.Select(x => $"'{x}'"));
        return Missing(field, anchorsSeen
            ? $"no {Describe(field)} next to or below {anchors}"
            : $"{anchors} does not appear in the document");
    }

    private static ExtractedField WithoutAnchor(FieldDeclaration field, IReadOnlyList<TextRow> rows, bool monthFirst)
    {
        foreach (var row in rows)
        {
            if (Find(field, row.Tokens.ToList(), monthFirst, 1.0, field.Pattern == FieldPattern.Text ? 1.0 : 0.95, null) is { } found) return found;
        }

        return Missing(field, $"no {Describe(field)} in the document");
    }

    /// <summary>Where the anchor's words appear in the row, as whole words, similar enough; best first.</summary>
    private static IEnumerable<(int Start, int Length, double Score)> AnchorHits(List<Token> tokens, string anchor, int anchorWords)
    {
        var hits = new List<(int, int, double)>();
        for (var start = 0; start < tokens.Count; start++)
        {
            (int, int, double)? best = null;
            for (var length = Math.Max(1, anchorWords - 1); length <= anchorWords + 1 && start + length <= tokens.Count; length++)
            {
                var text = Similarity.Normalize(string.Join(' ', tokens.Skip(start).Take(length).Select(t => t.Text)));
                if (text.Length == 0) continue;
                var score = Math.Max(Similarity.Of(text, anchor), Similarity.Of(text.Replace(" ", "", StringComparison.Ordinal), anchor.Replace(" ", "", StringComparison.Ordinal)));
                if (score >= AnchorThreshold && (best is null || score > best.Value.Item3)) best = (start, length, score);
            }

            if (best is not null)
            {
                hits.Add(best.Value);
                start += best.Value.Item2 - 1;
            }
        }

        return hits;
    }

    /// <summary>
    /// OCR sometimes glues a label to what follows ("TotalEUR", "Total:1,234.56"): a token that starts with the anchor's
    /// last word followed by a currency code, a digit or punctuation is split in two.
    /// </summary>
    private static List<Token> SplitGlued(IReadOnlyList<Token> tokens, string anchor)
    {
        var last = anchor.Split(' ')[^1];
        if (last.Length < 3) return tokens.ToList();
        var result = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            var text = token.Text;
            if (text.Length > last.Length && text.StartsWith(last, StringComparison.OrdinalIgnoreCase) && GluedRest(text[last.Length..]))
            {
                result.Add(token with { Text = text[..last.Length] });
                result.Add(token with { Text = text[last.Length..] });
            }
            else
            {
                result.Add(token);
            }
        }

        return result;
    }

    private static bool GluedRest(string rest) =>
        char.IsAsciiDigit(rest[0]) || rest[0] is ':' or '#' or '.' or '-' or '€' or '$' or '£' || (rest.Length >= 3 && rest[..3].All(char.IsAsciiLetterUpper) && (rest.Length == 3 || !char.IsLetter(rest[3])));

    private static bool IsWord(string text) => text.Length > 1 && text.All(char.IsLetter);

    /// <summary>The tokens of the next two rows (same page) under the anchor: horizontally overlapping it when boxes are known.</summary>
    private static IEnumerable<List<Token>> Below(IReadOnlyList<TextRow> rows, int index, List<Token> anchor)
    {
        var left = anchor.Where(t => t.Box is not null).Select(t => t.Box!.Value.X).DefaultIfEmpty(int.MinValue).Min();
        for (var r = index + 1; r < rows.Count && r <= index + 2; r++)
        {
            if (rows[r].Page != rows[index].Page) yield break;
            var tokens = rows[r].Tokens;
            if (left == int.MinValue)
            {
                yield return tokens.ToList();
                continue;
            }

            var slack = anchor.Where(t => t.Box is not null).Average(t => t.Box!.Value.Height) * 2;
            var under = tokens.Where(t => t.Box is { } b && b.Right >= left - slack).ToList();
            if (under.Count > 0) yield return under;
        }
    }

    /// <summary>The first value of the field's pattern among the tokens (leading ':' '#' '-' skipped), with its confidence.</summary>
    private static ExtractedField? Find(FieldDeclaration field, List<Token> tokens, bool monthFirst, double anchorScore, double position, string? anchor)
    {
        while (tokens.Count > 0 && tokens[0].Text.Trim(':', '#', '-', '.', '|', '=').Length == 0) tokens = tokens.Skip(1).ToList();
        if (field.Pattern == FieldPattern.Text)
        {
            // Specks read as stray marks ("'", "~", "."): drop them at the ends of a text value.
            static bool Junk(Token t) => !t.Text.Any(char.IsLetterOrDigit) || (t.Confidence < 0.4 && t.Text.Length <= 2);
            while (tokens.Count > 0 && Junk(tokens[^1])) tokens = tokens.Take(tokens.Count - 1).ToList();
            while (tokens.Count > 0 && Junk(tokens[0])) tokens = tokens.Skip(1).ToList();
        }

        if (field.Pattern == FieldPattern.InvoiceNumber) tokens = JoinBrokenNumbers(tokens);
        if (tokens.Count == 0) return null;
        var (text, starts) = Join(tokens);
        var match = ValuePatterns.First(field.Pattern, field.Regex, text, monthFirst);
        if (match is null) return null;
        var used = tokens.Where((_, i) => starts[i] < match.Index + match.Length && starts[i] + tokens[i].Text.Length > match.Index).ToList();
        var ocr = used.Count == 0 ? 1.0 : used.Min(t => t.Confidence);
        var confidence = Math.Round(ocr * anchorScore * match.Validity * position, 3);
        var where = anchor is null ? "" : position < 1 ? $" below '{anchor}'" : $" right of '{anchor}'";
        var reason = $"{Describe(field)}{where}"
            + (anchorScore < 1 ? $" (the anchor matched {anchorScore:0.00})" : "")
            + (ocr < 0.9 ? $"; OCR confidence {ocr:0.00}" : "")
            + (match.Note is null ? "" : "; " + match.Note);
        return new ExtractedField(field.Name, match.Value, text.Substring(match.Index, match.Length).Trim(), confidence, reason);
    }

    /// <summary>"PCS-" "88317" → "PCS-88317": OCR splits document numbers at their dashes and slashes.</summary>
    private static List<Token> JoinBrokenNumbers(List<Token> tokens)
    {
        var result = new List<Token>(tokens.Count);
        foreach (var token in tokens)
        {
            if (result.Count > 0 && result[^1].Text is [.., '-' or '–' or '—' or '/'] previous && previous.Length > 1 && char.IsLetterOrDigit(token.Text[0]))
            {
                result[^1] = result[^1] with { Text = previous + token.Text, Confidence = Math.Min(result[^1].Confidence, token.Confidence) };
            }
            else
            {
                result.Add(token);
            }
        }

        return result;
    }

    private static (string Text, int[] Starts) Join(List<Token> tokens)
    {
        var starts = new int[tokens.Count];
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i > 0) builder.Append(' ');
            starts[i] = builder.Length;
            builder.Append(tokens[i].Text);
        }

        return (builder.ToString(), starts);
    }

    private static ExtractedField Missing(FieldDeclaration field, string reason) => new(field.Name, null, "", 0, reason);

    private static string Describe(FieldDeclaration field) => field.Pattern switch
    {
        FieldPattern.InvoiceNumber => "invoice number",
        FieldPattern.Iban => "IBAN",
        FieldPattern.Regex => $"match of /{field.Regex}/",
        _ => field.Pattern.ToString().ToLowerInvariant(),
    };
}
