namespace Rpa.Integration.Tests.Ocr;

/// <summary>Character error rate: edit distance between recognised and true text over the true text's length, whitespace collapsed.</summary>
public static class CharacterErrorRate
{
    public static double Of(string recognized, string truth)
    {
        var a = Normalize(recognized);
        var b = Normalize(truth);
        return b.Length == 0 ? (a.Length == 0 ? 0 : 1) : (double)Distance(a, b) / b.Length;
    }

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static int Distance(string a, string b)
    {
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
}
