using System.Text.Json.Nodes;

namespace Rpa.Runtime.Runs;

/// <summary>A request to run a bot: which one (the published version unless a version is given), with what inputs, started by what.</summary>
public sealed record RunRequest(string Bot, JsonObject Inputs, string Trigger = "api")
{
    /// <summary>A specific saved version; null: the published one.</summary>
    public int? Version { get; init; }

    /// <summary>The new run's id; null: a new one. A file drop names it before the run exists (in the claimed file's name).</summary>
    public Guid? RunId { get; init; }
}
