using Rpa.Engine.Execution;
using Rpa.Engine.Model;

namespace Rpa.Engine.Expressions;

/// <summary>
/// A JavaScript expression that is only a variable name (<c>rows</c>): read directly from the scope, without a trip
/// through the JavaScript engine, so a 100,000-row table is not copied for every ForEach.
/// </summary>
public sealed class VariableReferenceExpression(string name) : CompiledExpression
{
    public string Name { get; } = name;

    public override ExpressionLanguage Language => ExpressionLanguage.JavaScript;

    public override IReadOnlyList<string> ReferencedNames => [Name];

    public override object? Evaluate(ActivityContext context) =>
        (context.Scope.Find(Name) ?? throw new ExpressionException($"'{Name}' is not defined")).Value;
}
