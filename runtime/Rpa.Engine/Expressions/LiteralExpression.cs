using Rpa.Engine.Execution;
using Rpa.Engine.Model;

namespace Rpa.Engine.Expressions;

/// <summary>A fixed value, already converted from JSON.</summary>
public sealed class LiteralExpression(object? value) : CompiledExpression
{
    public object? Value { get; } = value;

    public override ExpressionLanguage Language => ExpressionLanguage.Literal;

    public override object? Evaluate(ActivityContext context) => Value;
}
