using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

[Activity("Data", "Add column", Description = "Adds a column computed per row by a JavaScript expression, such as row.Quantity * row.UnitPrice, or replaces a column of that name. Returns a new table; the input is not changed.")]
public sealed class AddColumn : Activity
{
    private readonly RowExpression _expression = new("expression");

    [Input(Required = true, Description = "The rows: a table, or a list of objects such as [{\"Quantity\": 3, \"UnitPrice\": 2.5}].")]
    public Input<Table> Data { get; set; } = new();

    [Input(Required = true, Description = "The column's name. A column of that name (any case) is replaced in its place; otherwise the column is added at the end.")]
    public Input<string> Column { get; set; } = new();

    [Input(Required = true, LiteralOnly = true, Editor = "javascript", Description = "A JavaScript expression over the row variable, such as row.Quantity * row.UnitPrice or row.Name.toUpperCase().")]
    public Input<string> Expression { get; set; } = new();

    [Input(Description = "What the column holds: Any (the value as the expression returns it), Text, Number, Date or Bool; other values are converted, and a value that does not convert fails the run.")]
    public Input<ColumnType> Type { get; set; } = new(ColumnType.Any);

    [Input(LiteralOnly = true, Description = "The variable that holds the current row in the expression (an object with the column names).")]
    public Input<string> RowVariable { get; set; } = new("row");

    [Output(Description = "A new table: the input's columns and rows with the computed column.")]
    public Output<Table> Table { get; set; } = new();

    public override IEnumerable<string> Validate() => _expression.Check(Expression, RowVariable);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var data = context.Get(Data) ?? throw new ActivityException("data is empty (null); give a table or a list of objects");
        var column = context.Get(Column)?.Trim();
        if (string.IsNullOrEmpty(column)) throw new ActivityException("column: the column needs a name");
        var type = context.Get(Type);
        var source = context.Get(Expression);

        var columns = data.Columns.ToList();
        var position = data.HasColumn(column) ? data.ColumnIndex(column) : columns.Count;
        if (position == columns.Count) columns.Add(column);
        else columns[position] = column;

        var result = new Table(columns);
        var index = 0;
        foreach (var value in _expression.Evaluate(context, data, source, context.Get(RowVariable)))
        {
            var cells = new object?[columns.Count];
            data[index].Values.ToArray().CopyTo(cells, 0);
            cells[position] = Convert(value, type, index, column);
            result.AddRow(cells);
            index++;
        }

        context.Set(Table, result);
        return ValueTask.CompletedTask;
    }

    private static object? Convert(object? value, ColumnType type, int row, string column)
    {
        if (value is null) return null;
        try
        {
            return type switch
            {
                ColumnType.Text => ValueConverter.Convert<string>(value),
                ColumnType.Number => ValueConverter.Convert<decimal>(value),
                ColumnType.Date => ValueConverter.Convert<DateTimeOffset>(value),
                ColumnType.Bool => ValueConverter.Convert<bool>(value),
                _ => value,
            };
        }
        catch (ValueConversionException e)
        {
            throw new ActivityException($"row {row + 1}, column '{column}': {e.Message}", e);
        }
    }
}
