using System.Text.RegularExpressions;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;
using Rpa.Engine.Expressions;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

/// <summary>
/// A JavaScript expression a data activity evaluates once per row, with the row in a variable (FilterRows' condition,
/// AddColumn's expression). It is parsed once, when the bot is compiled (<see cref="Check"/> runs in the activity's
/// Validate), and the parsed script serves every row of every run.
/// </summary>
internal sealed partial class RowExpression(string input)
{
    // The source is a literal, so it is the same in every run; the field holds what was parsed from it, not run state.
    private JavaScriptExpression? _compiled;

    [GeneratedRegex("^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex IdentifierPattern();

    /// <summary>The problems a bot author must fix before the bot runs: a bad row variable name, a syntax error.</summary>
    public IEnumerable<string> Check(Input<string> source, Input<string> rowVariable)
    {
        var name = rowVariable.LiteralValue;
        if (!IdentifierPattern().IsMatch(name ?? ""))
        {
            yield return $"'{name}' is not a valid variable name for the row: use letters, digits and _ (not starting with a digit)";
        }

        // An empty or non-literal source is reported by the compiler already (required, literal only).
        if (string.IsNullOrWhiteSpace(source.LiteralValue)) yield break;
        string? problem = null;
        try
        {
            Compile(source.LiteralValue);
        }
        catch (ActivityException e)
        {
            problem = e.Message;
        }

        if (problem is not null) yield return problem;
    }

    /// <summary>The parsed expression; parses only when the source differs from the last one parsed.</summary>
    public JavaScriptExpression Compile(string source)
    {
        var compiled = _compiled;
        if (compiled is not null && string.Equals(compiled.Source, source, StringComparison.Ordinal)) return compiled;
        try
        {
            compiled = ExpressionCompiler.CompileJavaScript(source);
        }
        catch (ExpressionException e)
        {
            throw new ActivityException($"{input}: {e.Message}", e);
        }

        _compiled = compiled;
        return compiled;
    }

    /// <summary>
    /// Evaluates the expression for each row of <paramref name="table"/> in order, the row in <paramref name="rowVariable"/>;
    /// an error names the row (1-based).
    /// </summary>
    public IEnumerable<object?> Evaluate(ActivityContext context, Table table, string source, string rowVariable)
    {
        var expression = Compile(source);
        var scope = new VariableScope(context.Scope);
        var row = scope.Declare(rowVariable, DataType.Any);
        var unknown = expression.ReferencedNames.FirstOrDefault(n => scope.Find(n) is null);
        if (unknown is not null)
        {
            var visible = string.Join(", ", scope.Visible().Select(v => v.Name).Order(StringComparer.Ordinal));
            throw new ActivityException($"{input}: the expression uses '{unknown}', which is neither the row variable nor a variable, input or output of the bot (in scope: {visible})");
        }

        for (var i = 0; i < table.Count; i++)
        {
            context.CancellationToken.ThrowIfCancellationRequested();
            row.Set(table[i]);
            object? value;
            try
            {
                value = context.Evaluate(expression, scope);
            }
            catch (ExpressionException e)
            {
                throw new ActivityException($"row {i + 1}: {e.Message}", e);
            }

            yield return value;
        }
    }
}
