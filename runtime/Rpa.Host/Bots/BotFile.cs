namespace Rpa.Host.Bots;

/// <summary>Finds the bot.json a command-line argument means: the file itself, or bot.json inside a folder.</summary>
public static class BotFile
{
    public const string FileName = "bot.json";

    public static string Resolve(string pathOrFolder, string? baseDirectory = null)
    {
        var path = Path.GetFullPath(pathOrFolder, baseDirectory ?? Directory.GetCurrentDirectory());
        return Directory.Exists(path) ? Path.Combine(path, FileName) : path;
    }
}
