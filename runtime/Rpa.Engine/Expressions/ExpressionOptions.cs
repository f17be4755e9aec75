namespace Rpa.Engine.Expressions;

/// <summary>The sandbox limits of expressions. Every evaluation gets the full budget again.</summary>
public sealed record ExpressionOptions
{
    /// <summary>Wall-clock time one JavaScript evaluation may take.</summary>
    public TimeSpan JavaScriptTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Statements one JavaScript evaluation may execute.</summary>
    public int JavaScriptMaxStatements { get; init; } = 10_000_000;

    /// <summary>Bytes one JavaScript evaluation may allocate.</summary>
    public long JavaScriptMemoryLimit { get; init; } = 64L * 1024 * 1024;

    /// <summary>Call depth of JavaScript functions.</summary>
    public int JavaScriptRecursionLimit { get; init; } = 200;

    /// <summary>Steps one Liquid rendering may take (loops included).</summary>
    public int LiquidMaxSteps { get; init; } = 1_000_000;

    public static ExpressionOptions Default { get; } = new();
}
