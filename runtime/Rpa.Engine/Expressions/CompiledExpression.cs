using Rpa.Engine.Execution;
using Rpa.Engine.Model;

namespace Rpa.Engine.Expressions;

/// <summary>An input value parsed once per bot definition and evaluated any number of times.</summary>
public abstract class CompiledExpression
{
    public abstract ExpressionLanguage Language { get; }

    /// <summary>The variables the expression reads (for validation: every one must be in scope).</summary>
    public virtual IReadOnlyList<string> ReferencedNames => [];

    public abstract object? Evaluate(ActivityContext context);
}
