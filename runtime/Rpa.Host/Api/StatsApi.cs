using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>GET /api/stats/runs: runs of the last days per day and status, and per bot (success rate, durations, SLA breaches), for the dashboard.</summary>
public static class StatsApi
{
    /// <summary>At most this many runs are counted (the newest); the answer says when there were more.</summary>
    public const int MaxRuns = 10_000;

    public static IEndpointRouteBuilder MapStatsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/stats/runs", RunsAsync)
            .WithTags("Stats")
            .WithSummary("Runs created in the last 'days' days (1 to 90, default 14): per UTC day and status, and per bot with success rate, durations and SLA breaches.")
            .RequiresRole(RpaRole.Viewer);
        return app;
    }

    private static async Task<Results<Ok<RunStatsResponse>, ProblemHttpResult>> RunsAsync(
        IRunStore store, TimeProvider time, CancellationToken cancellationToken, int days = 14)
    {
        if (days is < 1 or > 90) return ApiProblems.BadRequest("'days' must be between 1 and 90.");
        var today = time.GetUtcNow().UtcDateTime.Date;
        var from = today.AddDays(1 - days);
        var runs = await store.ListRunsAsync(new RunQuery { CreatedFrom = from, Limit = MaxRuns + 1 }, cancellationToken).ConfigureAwait(false);
        var truncated = runs.Count > MaxRuns;
        var counted = runs.Take(MaxRuns).ToList();

        var perDay = Enumerable.Range(0, days).Select(i => from.AddDays(i)).Select(day => new RunStatsDay(
            DateOnly.FromDateTime(day),
            counted.Where(r => r.CreatedAt.Date == day).GroupBy(r => r.Status.ToApiName()).ToDictionary(g => g.Key, g => g.Count()))).ToArray();

        var perBot = new List<RunStatsBot>();
        foreach (var group in counted.GroupBy(r => r.BotName).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var ended = group.Where(r => r.Status is RunState.Succeeded or RunState.Failed or RunState.Cancelled).ToList();
            var durations = ended.Where(r => r is { StartedAt: not null, EndedAt: not null })
                .Select(r => (r.EndedAt!.Value - r.StartedAt!.Value).TotalMilliseconds).Order().ToList();
            var sla = await SlaSecondsAsync(store, group.Key, cancellationToken).ConfigureAwait(false);
            perBot.Add(new RunStatsBot(
                group.Key,
                group.Count(),
                group.Count(r => r.Status == RunState.Succeeded),
                group.Count(r => r.Status == RunState.Failed),
                ended.Count == 0 ? null : Math.Round((double)group.Count(r => r.Status == RunState.Succeeded) / ended.Count, 4),
                durations.Count == 0 ? null : Math.Round(durations.Average(), 1),
                durations.Count == 0 ? null : Math.Round(durations[(int)Math.Ceiling(durations.Count * 0.95) - 1], 1),
                sla,
                sla is null ? 0 : durations.Count(d => d > sla.Value * 1000)));
        }

        return TypedResults.Ok(new RunStatsResponse(DateOnly.FromDateTime(from), days, counted.Count, truncated, perDay, perBot.ToArray()));
    }

    /// <summary>The SLA the bot's latest version declares: <c>"sla": { "maxDurationSeconds": n }</c> in bot.json; null without one.</summary>
    private static async Task<double?> SlaSecondsAsync(IRunStore store, string name, CancellationToken cancellationToken)
    {
        var bot = await store.GetBotAsync(name, cancellationToken).ConfigureAwait(false);
        if (bot is null) return null;
        var version = await store.GetBotVersionAsync(name, bot.PublishedVersion ?? bot.LatestVersion, cancellationToken).ConfigureAwait(false);
        if (version is null) return null;
        try
        {
            return JsonNode.Parse(version.Definition, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true })
                ?["sla"]?["maxDurationSeconds"] is JsonValue value && value.TryGetValue<double>(out var seconds) && seconds > 0 ? seconds : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}

/// <summary>The answer of GET /api/stats/runs.</summary>
public sealed record RunStatsResponse(DateOnly From, int Days, int Runs, bool Truncated, RunStatsDay[] PerDay, RunStatsBot[] PerBot);

/// <summary>One UTC day: the number of runs created that day per status (only statuses that occur).</summary>
public sealed record RunStatsDay(DateOnly Date, Dictionary<string, int> Statuses);

/// <summary>One bot: runs, successes, failures, success rate of the ended runs, average and 95th percentile duration (ms), SLA (s) and breaches.</summary>
public sealed record RunStatsBot(
    string Bot, int Runs, int Succeeded, int Failed, double? SuccessRate, double? AverageDurationMs, double? P95DurationMs, double? SlaSeconds, int SlaBreaches);
