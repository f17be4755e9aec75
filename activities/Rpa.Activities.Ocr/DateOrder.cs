namespace Rpa.Activities.Ocr;

/// <summary>How to read a numeric date whose day and month could be swapped (03/04/2024).</summary>
public enum DateOrder
{
    /// <summary>03/04/2024 is 3 April (Europe and most of the world).</summary>
    DayFirst,

    /// <summary>03/04/2024 is March 4 (United States).</summary>
    MonthFirst,
}
