namespace Rpa.Engine.Model;

/// <summary>How a composite holds children in one slot.</summary>
public enum SlotKind
{
    /// <summary>One activity (If's then).</summary>
    Single,

    /// <summary>Activities in order (Sequence's activities).</summary>
    List,

    /// <summary>Activities by name (Switch's cases).</summary>
    Map,
}
