using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.Primitives;

[Activity("Variables", "Set variable", Description = "Stores a value in a variable or bot output; the value is converted to the variable's type.")]
public sealed class SetVariable : Activity
{
    [Input(Required = true, LiteralOnly = true, Editor = "variable", Description = "The variable (or bot output) to set.")]
    public Input<string> Variable { get; set; } = new();

    [Input(Description = "The value, usually an expression such as `total + item.Amount`.")]
    public Input<object?> Value { get; set; } = new(null);

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        context.SetVariable(Variable.LiteralValue, context.Get(Value));
        return ValueTask.CompletedTask;
    }
}
