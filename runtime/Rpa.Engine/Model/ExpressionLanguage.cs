namespace Rpa.Engine.Model;

/// <summary>How an activity input's value is given.</summary>
public enum ExpressionLanguage
{
    /// <summary>A fixed JSON value.</summary>
    Literal,

    /// <summary>A JavaScript expression (Jint, sandboxed) over variables and arguments.</summary>
    JavaScript,

    /// <summary>A Liquid text template (Fluid) over variables and arguments.</summary>
    Liquid,
}
