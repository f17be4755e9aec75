namespace Rpa.Engine.Activities;

/// <summary>Palette entry and documentation of an activity class.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ActivityAttribute(string category, string displayName) : Attribute
{
    public string Category { get; } = category;

    public string DisplayName { get; } = displayName;

    public string Description { get; init; } = "";

    /// <summary>The type name used in bot.json; defaults to the class name.</summary>
    public string? Type { get; init; }

    /// <summary>The named outcomes the activity can end with; a flowchart connects them to the next activity.</summary>
    public string[] Outcomes { get; init; } = [Engine.Activities.Outcomes.Done];

    /// <summary>
    /// What the machine running the activity must have (<see cref="ActivityNeeds"/>: "browser", "ocr"); the runtime
    /// routes a bot to a worker queue that has everything its activities need. Empty: any worker can run it.
    /// </summary>
    public string[] Needs { get; init; } = [];
}
