namespace Rpa.Engine.Activities;

/// <summary>Outcome names shared by many activities.</summary>
public static class Outcomes
{
    public const string Done = "Done";
    public const string True = "True";
    public const string False = "False";
    public const string Default = "Default";
}
