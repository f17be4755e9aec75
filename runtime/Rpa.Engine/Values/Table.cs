namespace Rpa.Engine.Values;

/// <summary>
/// Rows with named columns: what bots read from CSV and Excel files and web tables.
/// Column names are case-insensitive; values are text, decimal, bool, DateTimeOffset or null.
/// </summary>
public sealed class Table
{
    private readonly List<string> _columns;
    private readonly Dictionary<string, int> _index;

    public Table(IEnumerable<string> columns)
    {
        _columns = [];
        _index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in columns)
        {
            AddColumnName(column);
        }
    }

    public IReadOnlyList<string> Columns => _columns;

    public List<TableRow> Rows { get; } = [];

    public int Count => Rows.Count;

    public TableRow this[int row] => Rows[row];

    public bool HasColumn(string name) => _index.ContainsKey(name);

    public int ColumnIndex(string name) =>
        _index.TryGetValue(name, out var i)
            ? i
            : throw new KeyNotFoundException($"The table has no column '{name}'. Columns: {string.Join(", ", _columns)}.");

    internal bool TryGetColumnIndex(string name, out int index) => _index.TryGetValue(name, out index);

    /// <summary>Adds a row; values are in column order and missing trailing values are null.</summary>
    public TableRow AddRow(params object?[] values)
    {
        if (values.Length > _columns.Count)
        {
            throw new ArgumentException($"The row has {values.Length} values but the table has {_columns.Count} columns.", nameof(values));
        }

        var cells = new object?[_columns.Count];
        Array.Copy(values, cells, values.Length);
        var row = new TableRow(this, cells);
        Rows.Add(row);
        return row;
    }

    /// <summary>Adds a row from name/value pairs; names must be columns of the table.</summary>
    public TableRow AddRow(IEnumerable<KeyValuePair<string, object?>> values)
    {
        var row = AddRow();
        foreach (var (name, value) in values)
        {
            row[name] = value;
        }

        return row;
    }

    /// <summary>Adds a column (null in every existing row) and returns its index.</summary>
    public int AddColumn(string name)
    {
        if (_index.TryGetValue(name, out var existing)) return existing;
        var index = AddColumnName(name);
        foreach (var row in Rows)
        {
            row.Grow(_columns.Count);
        }

        return index;
    }

    private int AddColumnName(string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new ArgumentException("A column name cannot be empty.", nameof(name));
        if (!_index.TryAdd(name, _columns.Count)) throw new ArgumentException($"The column '{name}' appears twice.", nameof(name));
        _columns.Add(name);
        return _columns.Count - 1;
    }

    /// <summary>Builds a table from a list of objects (dictionaries or rows); columns are the union of their keys in first-seen order.</summary>
    public static Table FromObjects(IEnumerable<object?> items)
    {
        var list = items.ToList();
        var columns = new List<string>();
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in list)
        {
            foreach (var key in Keys(item))
            {
                if (seen.Add(key)) columns.Add(key);
            }
        }

        var table = new Table(columns);
        foreach (var item in list)
        {
            table.AddRow(Pairs(item));
        }

        return table;
    }

    private static IEnumerable<string> Keys(object? item) => Pairs(item).Select(p => p.Key);

    private static IEnumerable<KeyValuePair<string, object?>> Pairs(object? item) => item switch
    {
        TableRow row => row,
        IEnumerable<KeyValuePair<string, object?>> pairs => pairs,
        _ => throw new ValueConversionException($"A table row must be an object with named values, not {DataTypes.Describe(item)}."),
    };

    public override string ToString() => $"table ({Rows.Count} rows × {_columns.Count} columns)";
}
