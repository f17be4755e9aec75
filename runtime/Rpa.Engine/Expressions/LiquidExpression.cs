using Fluid;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;

namespace Rpa.Engine.Expressions;

/// <summary>A Liquid template parsed once; each evaluation renders it with the variables in scope.</summary>
public sealed class LiquidExpression : CompiledExpression
{
    internal LiquidExpression(string source, IFluidTemplate template)
    {
        Source = source;
        Template = template;
        Names = LiquidSource.Names(source);
    }

    public string Source { get; }

    /// <summary>The names the template's tags use: only variables among them are handed to each render.</summary>
    internal IReadOnlySet<string> Names { get; }

    internal IFluidTemplate Template { get; }

    public override ExpressionLanguage Language => ExpressionLanguage.Liquid;

    public override object? Evaluate(ActivityContext context) => LiquidRenderer.Render(this, context.Scope, context.Run.Options.Expressions);
}
