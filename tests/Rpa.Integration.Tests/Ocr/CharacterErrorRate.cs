using Rpa.Engine.Text;

namespace Rpa.Integration.Tests.Ocr;

/// <summary>Character error rate: edit distance between recognised and true text over the true text's length, whitespace collapsed.</summary>
public static class CharacterErrorRate
{
    public static double Of(string recognized, string truth)
    {
        var a = Normalize(recognized);
        var b = Normalize(truth);
        return b.Length == 0 ? (a.Length == 0 ? 0 : 1) : (double)EditDistance.Between(a, b) / b.Length;
    }

    public static string Normalize(string text) => string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
