using Fluid;
using Jint;
using JsEngine = Jint.Engine;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Engine.Expressions;

/// <summary>Parses input values once: literals are converted, JavaScript is prepared, Liquid is parsed.</summary>
public static class ExpressionCompiler
{
    private static readonly Lazy<HashSet<string>> JavaScriptGlobals = new(() =>
    {
        var engine = new JsEngine();
        var names = engine.Global.GetOwnPropertyKeys().Select(k => k.ToString()).ToHashSet(StringComparer.Ordinal);
        names.UnionWith(["undefined", "NaN", "Infinity", "globalThis", "arguments"]);
        return names;
    });

    private static bool IsPlainVariable(string? script) =>
        script is not null
        && Validation.BotCompiler.IdentifierPattern().IsMatch(script.Trim())
        && !IsJavaScriptGlobal(script.Trim())
        && script.Trim() is not ("true" or "false" or "null" or "undefined" or "this" or "NaN" or "Infinity");

    /// <summary>Whether <paramref name="name"/> is a JavaScript built-in (Math, Date, JSON, ...), which a variable must not hide.</summary>
    internal static bool IsJavaScriptGlobal(string name) => JavaScriptGlobals.Value.Contains(name);

    /// <summary>Compiles one input value for a property of CLR type <paramref name="target"/>.</summary>
    /// <exception cref="ExpressionException">The value does not parse or does not fit the type.</exception>
    public static CompiledExpression Compile(InputValue value, Type target) => value.Language switch
    {
        ExpressionLanguage.JavaScript when IsPlainVariable(value.Script) => new VariableReferenceExpression(value.Script!.Trim()),
        ExpressionLanguage.JavaScript => CompileJavaScript(value.Script ?? ""),
        ExpressionLanguage.Liquid => CompileLiquid(value.Script ?? ""),
        _ => CompileLiteral(value, target),
    };

    private static LiteralExpression CompileLiteral(InputValue value, Type target)
    {
        try
        {
            return new LiteralExpression(ValueConverter.Convert(ValueConverter.FromJson(value.Literal), target));
        }
        catch (ValueConversionException e)
        {
            throw new ExpressionException(e.Message, e);
        }
    }

    public static JavaScriptExpression CompileJavaScript(string source)
    {
        if (string.IsNullOrWhiteSpace(source)) throw new ExpressionException("the JavaScript expression is empty");

        // A leading '{' would parse as a block; bot authors mean an object literal.
        var text = source.TrimStart().StartsWith('{') ? $"({source})" : source;
        Prepared<Acornima.Ast.Script> prepared;
        try
        {
            prepared = JsEngine.PrepareScript(text, strict: true, options: new ScriptPreparationOptions { CollectReferencedGlobals = true });
        }
        catch (Exception e) when (text != source)
        {
            try
            {
                prepared = JsEngine.PrepareScript(source, strict: true, options: new ScriptPreparationOptions { CollectReferencedGlobals = true });
                text = source;
            }
            catch (Exception)
            {
                throw new ExpressionException($"JavaScript syntax error: {e.Message}", e);
            }
        }
        catch (Exception e)
        {
            throw new ExpressionException($"JavaScript syntax error: {e.Message}", e);
        }

        var globals = JavaScriptGlobals.Value;
        IEnumerable<string> referencedGlobals = (IEnumerable<string>?)prepared.ReferencedGlobals ?? [];
        var referenced = referencedGlobals.Where(n => !globals.Contains(n)).Distinct().ToArray();

        // Evaluated in a block, so let, const and class declarations end with the evaluation: at the top level they
        // would stay in the run's engine, and the next evaluation of the same expression would declare them again.
        var block = JsEngine.PrepareScript($"{{{text}\n}}", strict: true);
        return new JavaScriptExpression(source, block, referenced);
    }

    public static LiquidExpression CompileLiquid(string source)
    {
        if (!LiquidRenderer.Parser.TryParse(source, out var template, out var error))
        {
            throw new ExpressionException($"Liquid syntax error: {error}");
        }

        return new LiquidExpression(source, template);
    }
}
