using System.Text.Json.Nodes;
using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>A run as the API shows it (status in lower case: queued, running, waiting, succeeded, failed, cancelled).</summary>
public sealed record RunResponse(
    Guid Id,
    string Bot,
    int Version,
    string Trigger,
    string Status,
    string Queue,
    JsonNode? Inputs,
    JsonNode? Outputs,
    JsonNode? Error,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? EndedAt,
    string? Worker,
    int Attempts,
    bool CancelRequested)
{
    public static RunResponse From(RunRecord run) => new(
        run.Id, run.BotName, run.BotVersion, run.Trigger, run.Status.ToApiName(), run.Queue,
        ApiJson.Parse(run.Inputs), ApiJson.Parse(run.Outputs), ApiJson.Parse(run.Error),
        run.CreatedAt, run.StartedAt, run.EndedAt, run.Worker, run.Attempts, run.CancelRequested);
}
