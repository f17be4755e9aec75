using System.Collections;
using System.Diagnostics.CodeAnalysis;

namespace Rpa.Engine.Values;

/// <summary>One row of a <see cref="Table"/>: values by column name (case-insensitive).</summary>
public sealed class TableRow : IReadOnlyDictionary<string, object?>
{
    private object?[] _cells;

    internal TableRow(Table table, object?[] cells)
    {
        Table = table;
        _cells = cells;
    }

    public Table Table { get; }

    public object? this[string column]
    {
        get => _cells[Table.ColumnIndex(column)];
        set => _cells[Table.ColumnIndex(column)] = value;
    }

    public object? this[int column]
    {
        get => _cells[column];
        set => _cells[column] = value;
    }

    internal void Grow(int count)
    {
        if (_cells.Length < count) Array.Resize(ref _cells, count);
    }

    public IEnumerable<string> Keys => Table.Columns;

    public IEnumerable<object?> Values => _cells.Take(Table.Columns.Count);

    public int Count => Table.Columns.Count;

    public bool ContainsKey(string key) => Table.HasColumn(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out object? value)
    {
        if (Table.TryGetColumnIndex(key, out var i))
        {
            value = _cells[i];
            return true;
        }

        value = null;
        return false;
    }

    public Dictionary<string, object?> ToDictionary()
    {
        var result = new Dictionary<string, object?>(Count, StringComparer.Ordinal);
        for (var i = 0; i < Table.Columns.Count; i++)
        {
            result[Table.Columns[i]] = _cells[i];
        }

        return result;
    }

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        for (var i = 0; i < Table.Columns.Count; i++)
        {
            yield return new KeyValuePair<string, object?>(Table.Columns[i], _cells[i]);
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public override string ToString() => string.Join(", ", this.Select(p => $"{p.Key}={p.Value}"));
}
