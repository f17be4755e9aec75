namespace Rpa.Engine.Activities;

/// <summary>Documents an <see cref="Input{T}"/> property. Its default value is the property's initial value.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class InputAttribute : Attribute
{
    public string Description { get; init; } = "";

    /// <summary>The bot must give a value (there is no sensible default).</summary>
    public bool Required { get; init; }

    /// <summary>The value is masked in the journal, logs and errors.</summary>
    public bool Secret { get; init; }

    /// <summary>The value must be a literal (it shapes the bot, such as a variable name), not an expression.</summary>
    public bool LiteralOnly { get; init; }

    /// <summary>A hint for the designer's editor: "multiline", "javascript", "liquid", "variable", "credential".</summary>
    public string? Editor { get; init; }
}
