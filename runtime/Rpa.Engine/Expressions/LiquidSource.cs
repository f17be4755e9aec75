using System.Text.RegularExpressions;

namespace Rpa.Engine.Expressions;

/// <summary>What a Liquid template's text says before it is rendered: its tags, and the names they use.</summary>
internal static partial class LiquidSource
{
    /// <summary>
    /// Every name-like word inside the template's tags, quoted text included (a superset of the variables it can read;
    /// Fluid's names ignore case, so this set does too). Variables not in it cannot be read by the template.
    /// </summary>
    public static HashSet<string> Names(string template)
    {
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (Match tag in Tag().Matches(template))
        {
            foreach (Match name in Name().Matches(tag.Value)) names.Add(name.Value);
        }

        return names;
    }

    /// <summary>What Liquid evaluates: {{ output }} and {% tag %}.</summary>
    [GeneratedRegex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline)]
    public static partial Regex Tag();

    /// <summary>Quoted text in a tag.</summary>
    [GeneratedRegex(@"'[^']*'|""[^""]*""")]
    public static partial Regex Quoted();

    [GeneratedRegex(@"[A-Za-z_]\w*")]
    private static partial Regex Name();
}
