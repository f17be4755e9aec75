using System.CommandLine;

namespace Rpa.Host.Cli;

/// <summary>Options several verbs share.</summary>
internal static class CliOptions
{
    public static Argument<string> Bot() => new("bot") { Description = "A bot.json file, or a folder that contains one." };

    public static Option<bool> Json() => new("--json") { Description = "Print the result as JSON (for scripts) instead of text." };

    public static Option<string> DataDirectory() => new("--data")
    {
        Description = "The data folder (logs, artifacts). Default: $RPA_DATA, else ./data.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("RPA_DATA") is { Length: > 0 } d ? d : "data",
    };
}
