using Rpa.Engine.Execution;
using Rpa.Engine.Model;

namespace Rpa.Engine.Expressions;

/// <summary>An input value parsed once per bot definition and evaluated any number of times.</summary>
public abstract class CompiledExpression
{
    public abstract ExpressionLanguage Language { get; }

    public abstract object? Evaluate(ActivityContext context);
}
