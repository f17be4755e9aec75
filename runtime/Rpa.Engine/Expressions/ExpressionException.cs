namespace Rpa.Engine.Expressions;

/// <summary>An expression failed to parse or to evaluate (syntax error, script error, sandbox limit).</summary>
public sealed class ExpressionException(string message, Exception? inner = null) : Exception(message, inner);
