using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "For each", Description = "Runs its body once per item of a list or row of a table, with the item and its index in variables.")]
public sealed class ForEach : Activity
{
    [Input(Required = true, Description = "The list or table to go through.")]
    public Input<List<object?>> Items { get; set; } = new();

    [Input(LiteralOnly = true, Description = "The variable that holds the current item (a table row is an object with the column names).")]
    public Input<string> ItemVariable { get; set; } = new("item");

    [Input(LiteralOnly = true, Description = "The variable that holds the index of the current item, from 0.")]
    public Input<string> IndexVariable { get; set; } = new("index");

    [Slot(Description = "Runs once per item.")]
    public Activity? Body { get; set; }

    public override IEnumerable<string> GetScopeVariables(string slot) => [ItemVariable.LiteralValue, IndexVariable.LiteralValue];

    public override IEnumerable<string> Validate()
    {
        if (ItemVariable.LiteralValue == IndexVariable.LiteralValue) yield return "the item and index variables need different names";
        foreach (var name in new[] { ItemVariable.LiteralValue, IndexVariable.LiteralValue })
        {
            if (!Validation.BotCompiler.IdentifierPattern().IsMatch(name)) yield return $"'{name}' is not a valid variable name: use letters, digits and _ (not starting with a digit)";
        }
    }

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var items = context.Get(Items);
        var scope = new VariableScope(context.Scope);
        var item = scope.Declare(ItemVariable.LiteralValue, DataType.Any);
        var index = scope.Declare(IndexVariable.LiteralValue, DataType.Number);
        for (var i = 0; i < items.Count; i++)
        {
            item.Assign(items[i]);
            index.Assign((decimal)i);
            if (Body is not null) await context.RunAsync(Body, scope, i).ConfigureAwait(false);
        }

        context.Entry.RecordOutput("count", items.Count);
    }
}
