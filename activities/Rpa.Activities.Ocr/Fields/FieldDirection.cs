namespace Rpa.Activities.Ocr.Fields;

/// <summary>Where a value is looked for relative to its anchor.</summary>
internal enum FieldDirection
{
    /// <summary>Right of the anchor on its line; else on the line below.</summary>
    Any,

    Right,

    Below,
}
