using System.Text.Json.Nodes;

namespace Rpa.Runtime.Triggers;

/// <summary>
/// A watched folder: each new file matching <see cref="Pattern"/> starts a run with its path in the input <see cref="Input"/>
/// (and the literal <see cref="Inputs"/>). The file moves to processing/ while the run goes, then to done/ or failed/.
/// </summary>
public sealed record FileDropTrigger(string Name, string Folder, string Pattern, string Input, JsonObject Inputs) : TriggerDefinition(Name)
{
    public const string TypeName = "fileDrop";

    public override string Type => TypeName;

    public override string RunTrigger => "file:";

    /// <summary>The folder as a full path: a relative one is relative to the bot's folder (if it was imported from one), else to <paramref name="dataDirectory"/>.</summary>
    public string ResolveFolder(string? botLocation, string dataDirectory) =>
        Path.IsPathRooted(Folder) ? Path.GetFullPath(Folder) : Path.GetFullPath(Path.Combine(botLocation ?? dataDirectory, Folder));
}
