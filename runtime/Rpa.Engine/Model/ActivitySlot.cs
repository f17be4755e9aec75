namespace Rpa.Engine.Model;

/// <summary>The children of a composite in one named slot (then, body, activities, cases, ...).</summary>
public sealed record ActivitySlot(SlotKind Kind, IReadOnlyList<SlotItem> Items)
{
    public static ActivitySlot Single(ActivityDefinition activity) => new(SlotKind.Single, [new SlotItem(activity)]);

    public static ActivitySlot List(params IEnumerable<ActivityDefinition> activities) =>
        new(SlotKind.List, activities.Select(a => new SlotItem(a)).ToList());

    public static ActivitySlot Map(IEnumerable<KeyValuePair<string, ActivityDefinition>> activities) =>
        new(SlotKind.Map, activities.Select(p => new SlotItem(p.Value, p.Key)).ToList());
}
