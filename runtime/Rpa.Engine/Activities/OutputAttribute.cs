namespace Rpa.Engine.Activities;

/// <summary>Documents an <see cref="Output{T}"/> property.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OutputAttribute : Attribute
{
    public string Description { get; init; } = "";
}
