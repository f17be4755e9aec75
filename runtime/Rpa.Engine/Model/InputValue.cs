using System.Text.Json.Nodes;

namespace Rpa.Engine.Model;

/// <summary>The value given to one activity input: a literal, or an expression to evaluate at run time.</summary>
public sealed record InputValue
{
    private InputValue(ExpressionLanguage language, JsonNode? literal, string? script)
    {
        Language = language;
        Literal = literal;
        Script = script;
    }

    public ExpressionLanguage Language { get; }

    /// <summary>The value when <see cref="Language"/> is <see cref="ExpressionLanguage.Literal"/>.</summary>
    public JsonNode? Literal { get; }

    /// <summary>The source text of a JavaScript expression or Liquid template.</summary>
    public string? Script { get; }

    public bool IsLiteral => Language == ExpressionLanguage.Literal;

    public static InputValue FromLiteral(JsonNode? value) => new(ExpressionLanguage.Literal, value, null);

    public static InputValue JavaScript(string script) => new(ExpressionLanguage.JavaScript, null, script);

    public static InputValue Liquid(string template) => new(ExpressionLanguage.Liquid, null, template);

    public static implicit operator InputValue(string literal) => FromLiteral(JsonValue.Create(literal));

    public static implicit operator InputValue(decimal literal) => FromLiteral(JsonValue.Create(literal));

    public static implicit operator InputValue(bool literal) => FromLiteral(JsonValue.Create(literal));

    public override string ToString() => Language switch
    {
        ExpressionLanguage.JavaScript => $"js: {Script}",
        ExpressionLanguage.Liquid => $"liquid: {Script}",
        _ => Literal?.ToJsonString() ?? "null",
    };
}
