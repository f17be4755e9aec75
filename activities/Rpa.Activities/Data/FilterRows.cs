using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

[Activity("Data", "Filter rows", Description = "Keeps the rows of a table for which a JavaScript condition is true, such as row.Amount > 100 && row.Region === 'North'. The condition is parsed once, when the bot is checked, and evaluated per row.")]
public sealed class FilterRows : Activity
{
    private readonly RowExpression _condition = new("condition");

    [Input(Required = true, Description = "The rows: a table, or a list of objects such as [{\"Region\": \"North\", \"Amount\": 12.5}].")]
    public Input<Table> Data { get; set; } = new();

    [Input(Required = true, LiteralOnly = true, Editor = "javascript", Description = "A JavaScript condition over the row variable, such as row.Amount > 100 && row.Region === 'North'. A row is kept when the condition is truthy (true, a non-zero number, non-empty text).")]
    public Input<string> Condition { get; set; } = new();

    [Input(LiteralOnly = true, Description = "The variable that holds the current row in the condition (an object with the column names).")]
    public Input<string> RowVariable { get; set; } = new("row");

    [Output(Description = "A new table with the same columns and the rows that matched, in their order.")]
    public Output<Table> Table { get; set; } = new();

    public override IEnumerable<string> Validate() => _condition.Check(Condition, RowVariable);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var data = context.Get(Data) ?? throw new ActivityException("data is empty (null); give a table or a list of objects");
        var source = context.Get(Condition);
        var result = new Table(data.Columns);
        var index = 0;
        foreach (var value in _condition.Evaluate(context, data, source, context.Get(RowVariable)))
        {
            if (IsTruthy(value)) result.AddRow([.. data[index].Values]);
            index++;
        }

        context.Set(Table, result);
        return ValueTask.CompletedTask;
    }

    /// <summary>JavaScript's truthiness, on the values an expression returns.</summary>
    private static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        decimal d => d != 0,
        string s => s.Length > 0,
        _ => true,
    };
}
