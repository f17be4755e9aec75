using System.Collections;
using Rpa.Engine.Values;

namespace Rpa.Engine.Execution;

/// <summary>Replaces known secret values with "***" wherever a run writes text: journal, errors, logs, outputs.</summary>
public sealed class SecretMasker
{
    public const string Mask = "***";

    private volatile string[] _secrets = [];

    public bool IsEmpty => _secrets.Length == 0;

    /// <summary>Registers a secret; values shorter than 3 characters are too common to mask meaningfully.</summary>
    public void Add(string? secret)
    {
        if (string.IsNullOrEmpty(secret) || secret.Length < 3) return;
        lock (this)
        {
            if (_secrets.Contains(secret)) return;
            _secrets = [.. _secrets, secret];
            Array.Sort(_secrets, (a, b) => b.Length.CompareTo(a.Length));
        }
    }

    public string MaskText(string text)
    {
        var secrets = _secrets;
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal)) text = text.Replace(secret, Mask, StringComparison.Ordinal);
        }

        return text;
    }

    /// <summary>Where secrets occur in <paramref name="text"/>: the start and length of every occurrence (they may overlap).</summary>
    public IEnumerable<(int Start, int Length)> FindAll(string text)
    {
        foreach (var secret in _secrets)
        {
            for (var at = text.IndexOf(secret, StringComparison.Ordinal); at >= 0; at = text.IndexOf(secret, at + 1, StringComparison.Ordinal))
            {
                yield return (at, secret.Length);
            }
        }
    }

    /// <summary>A copy of the table with secrets masked in its text cells, or the table itself when none holds a secret.</summary>
    private Table MaskTable(Table table)
    {
        var secrets = _secrets;
        bool HasSecret(object? cell) => cell is string text && secrets.Any(s => text.Contains(s, StringComparison.Ordinal));
        if (!table.Rows.Any(row => row.Values.Any(HasSecret))) return table;

        var masked = new Table(table.Columns);
        foreach (var row in table.Rows)
        {
            masked.AddRow(row.Values.Select(cell => cell is string text ? MaskText(text) : cell).ToArray());
        }

        return masked;
    }

    /// <summary>Masks secrets inside a value; returns the same instance when nothing needs masking.</summary>
    public object? MaskValue(object? value)
    {
        if (_secrets.Length == 0 || value is null) return value;
        return value switch
        {
            string s => MaskText(s),
            Table t => MaskTable(t),
            IEnumerable<KeyValuePair<string, object?>> pairs => pairs.ToDictionary(p => p.Key, p => MaskValue(p.Value)),
            IEnumerable e and not string => e.Cast<object?>().Select(MaskValue).ToList(),
            _ => value,
        };
    }
}
