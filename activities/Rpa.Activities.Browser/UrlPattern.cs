using System.Text;
using System.Text.RegularExpressions;

namespace Rpa.Activities.Browser;

/// <summary>
/// A page address to wait for, as Playwright writes them: a glob (<c>**</c> any characters, <c>*</c> any but '/',
/// <c>{a,b}</c> either) or, without wildcards, the exact address.
/// </summary>
public sealed class UrlPattern
{
    private readonly Regex? _glob;
    private readonly string _exact;

    public UrlPattern(string pattern)
    {
        Pattern = pattern;
        _exact = pattern;
        if (pattern.IndexOfAny(['*', '{']) >= 0) _glob = new Regex("^" + ToRegex(pattern) + "$", RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public bool Matches(string url) => _glob?.IsMatch(url) ?? string.Equals(url, _exact, StringComparison.Ordinal);

    private static string ToRegex(string glob)
    {
        var regex = new StringBuilder();
        var inGroup = false;
        for (var i = 0; i < glob.Length; i++)
        {
            var c = glob[i];
            switch (c)
            {
                case '*' when i + 1 < glob.Length && glob[i + 1] == '*':
                    regex.Append(".*");
                    i++;
                    break;
                case '*':
                    regex.Append("[^/]*");
                    break;
                case '{':
                    inGroup = true;
                    regex.Append("(?:");
                    break;
                case '}' when inGroup:
                    inGroup = false;
                    regex.Append(')');
                    break;
                case ',' when inGroup:
                    regex.Append('|');
                    break;
                default:
                    regex.Append(Regex.Escape(c.ToString()));
                    break;
            }
        }

        return regex.ToString();
    }
}
