using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

[Activity("Data", "Validate rows", Description = "Checks every row against a schema (required, type, pattern, min/max, length, allowed values) and splits the table into valid and invalid rows. Invalid rows do not fail the run; they come back with their problems.")]
public sealed class ValidateRows : Activity
{
    /// <summary>The column the invalid rows get, listing their problems.</summary>
    private const string ErrorsColumn = "Errors";

    [Input(Required = true, Description = "The rows: a table, or a list of objects such as [{\"Email\": \"a@example.com\", \"Amount\": 12.5}].")]
    public Input<Table> Data { get; set; } = new();

    [Input(Required = true, Description = "Column → rules, such as {\"Email\": {\"required\": true, \"type\": \"email\"}, \"Amount\": {\"type\": \"number\", \"min\": 0}}. Rules: required, type (number, text, date, bool, email), pattern (a regular expression), min, max, minLength, maxLength, oneOf (a list). Each column must be in the data.")]
    public Input<Dictionary<string, object?>> Schema { get; set; } = new();

    [Input(Description = "How numbers and dates held as text are read: 'invariant' (1234.56) or a culture such as 'de-DE' (1.234,56).")]
    public Input<string> Culture { get; set; } = new("invariant");

    [Output(Description = "A new table with the rows that passed every rule.")]
    public Output<Table> Valid { get; set; } = new();

    [Output(Description = "A new table with the rows that broke a rule, plus an Errors column such as \"Amount: must be at least 0; Email: is required\".")]
    public Output<Table> Invalid { get; set; } = new();

    [Output(Description = "One object per problem: {row (1-based), column, value, message}.")]
    public Output<List<object?>> Errors { get; set; } = new();

    [Output(Description = "The number of problems (a row can have several).")]
    public Output<int> ErrorCount { get; set; } = new();

    public override IEnumerable<string> Validate() => DataSettings.Check(
        () => { if (Schema.IsLiteral && Schema.LiteralValue is not null) RowSchema.Parse(Schema.LiteralValue); },
        () => { if (Culture.IsLiteral) DataSettings.ParseCulture(Culture.LiteralValue); });

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var data = context.Get(Data) ?? throw new ActivityException("data is empty (null); give a table or a list of objects");
        var schema = RowSchema.Parse(context.Get(Schema));
        var culture = DataSettings.ParseCulture(context.Get(Culture));

        // An empty list has no columns to check the schema against; there is nothing to validate either.
        if (data.Count > 0 || data.Columns.Count > 0)
        {
            var missing = schema.MissingFrom(data).FirstOrDefault();
            if (missing is not null)
            {
                var available = data.Columns.Count == 0 ? "the data has no columns" : $"the data has {string.Join(", ", data.Columns)}";
                throw new ActivityException($"schema: the column '{missing}' is not in the data ({available})");
            }
        }

        if (data.HasColumn(ErrorsColumn))
        {
            throw new ActivityException($"the data already has a column '{data.Columns[data.ColumnIndex(ErrorsColumn)]}'; the invalid rows get an {ErrorsColumn} column listing their problems, so rename it first");
        }

        var valid = new Table(data.Columns);
        var invalid = new Table([.. data.Columns, ErrorsColumn]);
        var errors = new List<object?>();
        for (var i = 0; i < data.Count; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            var row = data[i];
            List<(string Column, object? Value, string Message)> problems;
            try
            {
                problems = schema.Check(row, culture).ToList();
            }
            catch (ActivityException e)
            {
                throw new ActivityException($"row {i + 1}, {e.Message}", e);
            }

            if (problems.Count == 0)
            {
                valid.AddRow([.. row.Values]);
                continue;
            }

            invalid.AddRow([.. row.Values, string.Join("; ", problems.Select(p => $"{p.Column}: {p.Message}"))]);
            foreach (var (column, value, message) in problems)
            {
                errors.Add(new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["row"] = (decimal)(i + 1),
                    ["column"] = column,
                    ["value"] = value,
                    ["message"] = message,
                });
            }
        }

        context.Set(Valid, valid);
        context.Set(Invalid, invalid);
        context.Set(Errors, errors);
        context.Set(ErrorCount, errors.Count);
        return ValueTask.CompletedTask;
    }
}
