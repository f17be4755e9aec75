namespace Rpa.Engine.Activities;

/// <summary>
/// Documents a child-activity property of a composite: <see cref="Activity"/> (one child),
/// <c>IReadOnlyList&lt;Activity&gt;</c> (children in order) or <c>IReadOnlyDictionary&lt;string, Activity&gt;</c> (named children).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SlotAttribute : Attribute
{
    public string Description { get; init; } = "";
}
