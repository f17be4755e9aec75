namespace Rpa.Engine.Model;

/// <summary>One child in a slot; <see cref="Key"/> names it in a map slot (a Switch case).</summary>
public sealed record SlotItem(ActivityDefinition Activity, string? Key = null);
