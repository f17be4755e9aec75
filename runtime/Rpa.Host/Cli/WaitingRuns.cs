using System.Text.Json;
using System.Text.Json.Nodes;

namespace Rpa.Host.Cli;

/// <summary>A local run that waits (for an approval): what `rpa approve` needs to resume it.</summary>
internal sealed record WaitingRun(Guid RunId, string BotFile, JsonObject Inputs, string State);

/// <summary>
/// Local runs that wait, one JSON file each under &lt;data&gt;/waiting. The file holds the run's inputs and the values its
/// activities wrote, so the data folder must be kept as private as the inputs themselves.
/// </summary>
internal sealed class WaitingRuns(string dataDirectory)
{
    private readonly string _folder = Path.Combine(dataDirectory, "waiting");

    public void Save(WaitingRun run)
    {
        Directory.CreateDirectory(_folder);
        var json = new JsonObject
        {
            ["runId"] = run.RunId.ToString(),
            ["botFile"] = run.BotFile,
            ["inputs"] = run.Inputs.DeepClone(),
            ["state"] = JsonNode.Parse(run.State),
        };
        var path = PathOf(run.RunId);
        var temp = path + ".tmp";
        File.WriteAllText(temp, json.ToJsonString());
        File.Move(temp, path, overwrite: true);
    }

    public void Remove(Guid runId)
    {
        var path = PathOf(runId);
        if (File.Exists(path)) File.Delete(path);
    }

    /// <summary>The waiting run, or a message that says why there is none (and which runs do wait here).</summary>
    public WaitingRun? Find(string id, out string? problem)
    {
        problem = null;
        if (!Guid.TryParse(id, out var runId))
        {
            problem = $"'{id}' is not a run id (a run id looks like {Guid.Empty})";
            return null;
        }

        var path = PathOf(runId);
        if (!File.Exists(path))
        {
            var waiting = Directory.Exists(_folder) ? Directory.GetFiles(_folder, "*.json").Select(Path.GetFileNameWithoutExtension).ToList() : [];
            problem = $"no run {runId} waits in {_folder}" + (waiting.Count == 0 ? " (no run waits there)" : $"; waiting: {string.Join(", ", waiting)}");
            return null;
        }

        try
        {
            var json = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
            return new WaitingRun(runId, (string)json["botFile"]!, json["inputs"]!.AsObject(), json["state"]!.ToJsonString());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or NullReferenceException)
        {
            problem = $"the waiting run file {path} cannot be read: {e.Message}";
            return null;
        }
    }

    private string PathOf(Guid runId) => Path.Combine(_folder, runId.ToString() + ".json");
}
