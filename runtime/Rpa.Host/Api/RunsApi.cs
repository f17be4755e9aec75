using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Runs;
using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>/api/runs: start (202 + Location), list with filters, get, journal, logs, artifacts (+ download), cancel.</summary>
public static class RunsApi
{
    public static IEndpointRouteBuilder MapRunsApi(this IEndpointRouteBuilder app)
    {
        var runs = app.MapGroup("/api/runs").WithTags("Runs");
        runs.MapPost("/", StartAsync).RequiresRole(RpaRole.Operator)
            .Accepts<object>("application/json")
            .WithSummary("Starts a run: { \"bot\": name, \"version\": n (optional; default the published one), \"inputs\": { ... }, \"trigger\": \"api\" or \"manual\" (optional) }.");
        runs.MapGet("/", ListAsync).RequiresRole(RpaRole.Viewer).WithSummary("Runs, newest first; filter by bot, status (comma-separated), trigger (e.g. schedule:nightly), from and to (ISO 8601), limit.");
        runs.MapGet("/{id:guid}", GetAsync).RequiresRole(RpaRole.Viewer).WithSummary("One run: status, times, inputs, outputs, error.");
        runs.MapGet("/{id:guid}/journal", JournalAsync).RequiresRole(RpaRole.Viewer).WithSummary("The run's journal: one entry per activity execution.");
        runs.MapGet("/{id:guid}/logs", LogsAsync).RequiresRole(RpaRole.Viewer).WithSummary("The run's log events.");
        runs.MapGet("/{id:guid}/artifacts", ArtifactsAsync).RequiresRole(RpaRole.Viewer).WithSummary("Files the run produced.");
        runs.MapGet("/{id:guid}/artifacts/{artifactId:guid}", DownloadAsync).RequiresRole(RpaRole.Viewer).WithSummary("Downloads one artifact.");
        runs.MapPost("/{id:guid}/cancel", CancelAsync).RequiresRole(RpaRole.Operator).WithSummary("Asks the run to stop; it ends Cancelled.");
        return app;
    }

    private static async Task<Results<Accepted<RunResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        HttpRequest request, RunLauncher launcher, AuditLog audit, CancellationToken cancellationToken)
    {
        var (body, error) = await ApiJson.ReadObjectAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null) return ApiProblems.BadRequest(error!);
        if (body["bot"] is not JsonValue botValue || !botValue.TryGetValue<string>(out var bot) || bot.Length == 0)
        {
            return ApiProblems.BadRequest("'bot' is required: the name of the bot to run.");
        }

        int? version = null;
        if (body["version"] is { } versionNode)
        {
            if (versionNode is not JsonValue v || !v.TryGetValue<int>(out var n)) return ApiProblems.BadRequest("'version' must be a whole number.");
            version = n;
        }

        var inputs = new JsonObject();
        switch (body["inputs"])
        {
            case null:
                break;
            case JsonObject given:
                inputs = (JsonObject)given.DeepClone();
                break;
            default:
                return ApiProblems.BadRequest("'inputs' must be a JSON object of input name: value.");
        }

        var trigger = "api";
        if (body["trigger"] is { } triggerNode)
        {
            // A person pressing Run in a UI says so; every other trigger (schedule, webhook, file) is the runtime's to set.
            if (triggerNode is not JsonValue t || !t.TryGetValue<string>(out var given) || given is not ("api" or "manual"))
            {
                return ApiProblems.BadRequest("'trigger' is \"api\" (the default) or \"manual\" (started by a person in a UI).");
            }

            trigger = given;
        }

        var result = await launcher.StartAsync(new RunRequest(bot, inputs, trigger) { Version = version }, cancellationToken).ConfigureAwait(false);
        if (result.NotFound is { } missing) return ApiProblems.NotFound(missing);
        if (result.Run is null) return ApiProblems.Invalid($"The run of bot '{bot}' cannot start", result.Problems);
        await audit.WriteAsync(request.HttpContext.User, "run.started", $"run:{result.Run.Id}", new { bot, version = result.Run.BotVersion }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/runs/{result.Run.Id}", RunResponse.From(result.Run));
    }

    private static async Task<Results<Ok<RunResponse[]>, ProblemHttpResult>> ListAsync(
        IRunStore store, CancellationToken cancellationToken, string? bot = null, string? status = null, string? trigger = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int limit = 100)
    {
        var statuses = new List<RunState>();
        foreach (var part in (status ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!RunStates.TryParse(part, out var state))
            {
                return ApiProblems.BadRequest($"'{part}' is not a run status (queued, running, waiting, succeeded, failed, cancelled).");
            }

            statuses.Add(state);
        }

        if (limit is < 1 or > 1000) return ApiProblems.BadRequest("'limit' must be between 1 and 1000.");
        var runs = await store.ListRunsAsync(new RunQuery
        {
            Bot = bot,
            Statuses = statuses,
            Trigger = trigger,
            CreatedFrom = from?.UtcDateTime,
            CreatedTo = to?.UtcDateTime,
            Limit = limit,
        }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(runs.Select(RunResponse.From).ToArray());
    }

    private static async Task<Results<Ok<RunResponse>, ProblemHttpResult>> GetAsync(Guid id, IRunStore store, CancellationToken cancellationToken)
    {
        var run = await store.GetRunAsync(id, cancellationToken).ConfigureAwait(false);
        return run is null ? NoRun(id) : TypedResults.Ok(RunResponse.From(run));
    }

    private static async Task<Results<Ok<JsonArray>, ProblemHttpResult>> JournalAsync(Guid id, IRunStore store, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(id, cancellationToken).ConfigureAwait(false) is null) return NoRun(id);
        var entries = await store.GetJournalAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new JsonArray(entries.Select(e => JsonNode.Parse(e.Json)).ToArray()));
    }

    private static async Task<Results<Ok<RunLogResponse[]>, ProblemHttpResult>> LogsAsync(Guid id, IRunStore store, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(id, cancellationToken).ConfigureAwait(false) is null) return NoRun(id);
        var logs = await store.GetLogsAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(logs.Select(RunLogResponse.From).ToArray());
    }

    private static async Task<Results<Ok<ArtifactResponse[]>, ProblemHttpResult>> ArtifactsAsync(Guid id, IRunStore store, CancellationToken cancellationToken)
    {
        if (await store.GetRunAsync(id, cancellationToken).ConfigureAwait(false) is null) return NoRun(id);
        var artifacts = await store.GetArtifactsAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(artifacts.Select(ArtifactResponse.From).ToArray());
    }

    private static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> DownloadAsync(Guid id, Guid artifactId, IRunStore store, CancellationToken cancellationToken)
    {
        var artifacts = await store.GetArtifactsAsync(id, cancellationToken).ConfigureAwait(false);
        var artifact = artifacts.FirstOrDefault(a => a.Id == artifactId);
        if (artifact is null) return ApiProblems.NotFound($"Run {id} has no artifact {artifactId}.");
        if (!File.Exists(artifact.Path)) return ApiProblems.NotFound($"The file of artifact '{artifact.Name}' is gone from {artifact.Path}.");
        return TypedResults.PhysicalFile(artifact.Path, ContentType(artifact.Name), Path.GetFileName(artifact.Name));
    }

    private static async Task<Results<Accepted<RunResponse>, ProblemHttpResult>> CancelAsync(
        Guid id, IRunStore store, CancellationRegistry cancellations, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var state = await store.RequestCancelAsync(id, cancellationToken).ConfigureAwait(false);
        if (state is null) return NoRun(id);
        if (state == RunState.Running) cancellations.TryCancel(id);
        await audit.WriteAsync(context.User, "run.cancelled", $"run:{id}", new { was = state.ToString() }, cancellationToken).ConfigureAwait(false);
        var run = await store.GetRunAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/runs/{id}", RunResponse.From(run!));
    }

    private static ProblemHttpResult NoRun(Guid id) => ApiProblems.NotFound($"There is no run {id}.");

    private static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".png" => "image/png",
        ".jpg" or ".jpeg" => "image/jpeg",
        ".pdf" => "application/pdf",
        ".csv" => "text/csv",
        ".json" => "application/json",
        ".txt" or ".log" => "text/plain",
        ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        _ => "application/octet-stream",
    };
}
