using Jint;
using Acornima.Ast;
using Rpa.Engine.Execution;
using Rpa.Engine.Model;

namespace Rpa.Engine.Expressions;

/// <summary>A JavaScript expression prepared (parsed and analysed) once; each run evaluates it in its own sandboxed engine.</summary>
public sealed class JavaScriptExpression : CompiledExpression
{
    internal JavaScriptExpression(string source, Prepared<Script> script, IReadOnlyList<string> referencedNames)
    {
        Source = source;
        Script = script;
        ReferencedNames = referencedNames;
    }

    public string Source { get; }

    internal Prepared<Script> Script { get; }

    /// <summary>The free names the script uses: the variables it needs in scope.</summary>
    public override IReadOnlyList<string> ReferencedNames { get; }

    public override ExpressionLanguage Language => ExpressionLanguage.JavaScript;

    public override object? Evaluate(ActivityContext context) => context.Run.JavaScript.Evaluate(this, context.Scope);
}
