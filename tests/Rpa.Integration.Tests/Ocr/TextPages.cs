using System.Text;

namespace Rpa.Integration.Tests.Ocr;

/// <summary>Deterministic English-like paragraphs (common words, numbers, punctuation) with a known text, for character error rates.</summary>
public static class TextPages
{
    private static readonly string[] Words =
    [
        "the", "invoice", "payment", "account", "order", "delivery", "customer", "service", "report", "total", "amount",
        "number", "date", "office", "supply", "company", "market", "review", "contract", "period", "balance", "credit",
        "record", "transfer", "update", "request", "approval", "process", "system", "quarter", "budget", "shipment",
        "within", "before", "after", "between", "against", "according", "please", "received", "confirmed", "pending",
        "is", "was", "for", "and", "with", "from", "to", "of", "by", "our", "your", "this", "that", "all", "each",
        "annual", "monthly", "weekly", "regional", "central", "north", "south", "east", "west", "team", "manager",
    ];

    /// <summary>A page of <paramref name="lines"/> sentences, one per line, reproducible from <paramref name="seed"/>.</summary>
    public static string Create(int seed, int lines = 12)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var line = 0; line < lines; line++)
        {
            var count = random.Next(6, 10);
            var sentence = new List<string>();
            for (var i = 0; i < count; i++)
            {
                var word = Words[random.Next(Words.Length)];
                if (random.Next(9) == 0) word = random.Next(10, 9999).ToString(System.Globalization.CultureInfo.InvariantCulture);
                sentence.Add(word);
            }

            sentence[0] = char.ToUpperInvariant(sentence[0][0]) + sentence[0][1..];
            if (random.Next(3) == 0) sentence[count / 2] += ",";
            if (line > 0) text.Append('\n');
            text.Append(string.Join(' ', sentence)).Append('.');
        }

        return text.ToString();
    }
}
