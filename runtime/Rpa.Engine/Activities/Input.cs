using Rpa.Engine.Execution;
using Rpa.Engine.Expressions;
using Rpa.Engine.Values;

namespace Rpa.Engine.Activities;

/// <summary>
/// A typed activity input. The bot gives it a literal or an expression; the activity reads it with
/// <c>context.Get(input)</c>, which evaluates, converts to <typeparamref name="T"/> and records it in the journal.
/// </summary>
public sealed class Input<T> : IInput
{
    private readonly T _default;
    private CompiledExpression? _expression;
    private T _literal = default!;
    private bool _isLiteral;

    /// <summary>An input without a default value.</summary>
    public Input()
    {
        _default = default!;
    }

    /// <summary>An input whose value is <paramref name="defaultValue"/> unless the bot gives another.</summary>
    public Input(T defaultValue)
    {
        _default = defaultValue;
        HasDefault = true;
    }

    public string Name { get; private set; } = "";

    public bool Secret { get; private set; }

    /// <summary>The bot must give a value, so an expression that gives none (null) fails the activity.</summary>
    public bool Required { get; private set; }

    public bool HasDefault { get; }

    public Type ValueType => typeof(T);

    public object? DefaultValue => HasDefault ? _default : null;

    /// <summary>Whether the bot gave a value (literal or expression) rather than leaving the default.</summary>
    public bool IsSet => _expression is not null;

    /// <summary>The value when it is known before the run (a literal or the default), else the default of T.</summary>
    public T LiteralValue => _isLiteral ? _literal : _expression is null ? _default : default!;

    public bool IsLiteral => _isLiteral || _expression is null;

    void IInput.Bind(string name, CompiledExpression? expression, bool secret, bool required)
    {
        Name = name;
        Secret = secret;
        Required = required;
        _expression = expression;
        if (expression is LiteralExpression literal)
        {
            _literal = (T)ValueConverter.Convert(literal.Value, typeof(T))!;
            _isLiteral = true;
        }
    }

    internal T Resolve(ActivityContext context)
    {
        if (_isLiteral) return _literal;
        if (_expression is null) return _default;

        object? raw;
        try
        {
            raw = _expression.Evaluate(context);
        }
        catch (ExpressionException e)
        {
            throw new ActivityException($"input '{Name}': {e.Message}", e);
        }

        if (raw is null && Required && typeof(T) != typeof(object))
        {
            throw new ActivityException($"input '{Name}' ({_expression.Language}): the input is required but the expression gave no value (null)");
        }

        try
        {
            return (T)ValueConverter.Convert(raw, typeof(T))!;
        }
        catch (ValueConversionException e)
        {
            throw new ActivityException($"input '{Name}' ({_expression.Language}): {e.Message}", e);
        }
    }
}
