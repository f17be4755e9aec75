using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Bots;
using Rpa.Runtime.Store;
using Rpa.Runtime.Triggers;

namespace Rpa.Host.Api;

/// <summary>/api/bots: list, get (latest, published or a version), create a version from bot.json, publish, validate.</summary>
public static class BotsApi
{
    public static IEndpointRouteBuilder MapBotsApi(this IEndpointRouteBuilder app)
    {
        var bots = app.MapGroup("/api/bots").WithTags("Bots");
        bots.MapGet("/", ListAsync).RequiresRole(RpaRole.Viewer).WithSummary("Every bot with its latest and published version.");
        bots.MapGet("/{name}", GetAsync).RequiresRole(RpaRole.Viewer).WithSummary("One bot.");
        bots.MapGet("/{name}/versions/{version}", GetVersionAsync).RequiresRole(RpaRole.Viewer)
            .WithSummary("A version of a bot with its bot.json; {version} is a number, 'latest' or 'published'.");
        bots.MapPost("/", CreateVersionAsync).RequiresRole(RpaRole.Engineer)
            .Accepts<object>("application/json")
            .WithSummary("Saves a bot.json (the body) as the bot's next version; 400 lists every problem.");
        bots.MapPost("/{name}/versions/{version:int}/publish", PublishAsync).RequiresRole(RpaRole.Engineer).WithSummary("Makes a version the one triggers run.");
        bots.MapPost("/validate", Validate).RequiresRole(RpaRole.Viewer)
            .Accepts<object>("application/json")
            .WithSummary("Checks a bot.json (the body) without saving it.");
        return app;
    }

    private static async Task<Ok<BotResponse[]>> ListAsync(IRunStore store, CancellationToken cancellationToken)
    {
        var list = await store.ListBotsAsync(cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(list.Select(BotResponse.From).ToArray());
    }

    private static async Task<Results<Ok<BotResponse>, ProblemHttpResult>> GetAsync(string name, IRunStore store, CancellationToken cancellationToken)
    {
        var bot = await store.GetBotAsync(name, cancellationToken).ConfigureAwait(false);
        return bot is null ? ApiProblems.NotFound($"There is no bot '{name}'.") : TypedResults.Ok(BotResponse.From(bot));
    }

    private static async Task<Results<Ok<BotVersionResponse>, ProblemHttpResult>> GetVersionAsync(string name, string version, IRunStore store, CancellationToken cancellationToken)
    {
        var bot = await store.GetBotAsync(name, cancellationToken).ConfigureAwait(false);
        if (bot is null) return ApiProblems.NotFound($"There is no bot '{name}'.");
        int? number = version switch
        {
            "latest" => bot.LatestVersion,
            "published" => bot.PublishedVersion,
            _ when int.TryParse(version, out var n) => n,
            _ => null,
        };
        if (number is null)
        {
            return version == "published"
                ? ApiProblems.NotFound($"Bot '{name}' has no published version.")
                : ApiProblems.BadRequest($"'{version}' is not a version: use a number, 'latest' or 'published'.");
        }

        var record = await store.GetBotVersionAsync(name, number.Value, cancellationToken).ConfigureAwait(false);
        return record is null
            ? ApiProblems.NotFound($"Bot '{name}' has no version {number} (latest: {bot.LatestVersion}).")
            : TypedResults.Ok(BotVersionResponse.From(record, bot.PublishedVersion));
    }

    private static async Task<Results<Created<BotVersionResponse>, ValidationProblem, ProblemHttpResult>> CreateVersionAsync(
        HttpRequest request, BotCatalog catalog, AuditLog audit, CancellationToken cancellationToken)
    {
        var (json, error) = await ApiJson.ReadTextAsync(request, cancellationToken).ConfigureAwait(false);
        if (json is null) return ApiProblems.BadRequest(error!);
        var (check, saved) = await catalog.SaveAsync(json, location: null, cancellationToken).ConfigureAwait(false);
        if (saved is null) return ApiProblems.Invalid($"Bot '{check.Bot?.Name ?? "?"}' is not valid", check.Problems);
        await audit.WriteAsync(request.HttpContext.User, "bot.saved", $"bot:{saved.BotName} v{saved.Version}", new { hash = saved.Hash }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Created($"/api/bots/{Uri.EscapeDataString(saved.BotName)}/versions/{saved.Version}", BotVersionResponse.From(saved, null));
    }

    private static async Task<Results<Ok<BotResponse>, ProblemHttpResult>> PublishAsync(
        string name, int version, IRunStore store, ScheduleRegistrar schedules, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        if (!await store.PublishAsync(name, version, cancellationToken).ConfigureAwait(false))
        {
            return ApiProblems.NotFound($"Bot '{name}' has no version {version}.");
        }

        // The published version's schedules replace the earlier one's (file drops and webhooks read the published version as they go).
        await schedules.SyncAsync(cancellationToken).ConfigureAwait(false);

        await audit.WriteAsync(context.User, "bot.published", $"bot:{name} v{version}", cancellationToken: cancellationToken).ConfigureAwait(false);
        var bot = await store.GetBotAsync(name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(BotResponse.From(bot!));
    }

    private static async Task<Results<Ok<ValidateResponse>, ProblemHttpResult>> Validate(HttpRequest request, BotCatalog catalog, CancellationToken cancellationToken)
    {
        var (json, error) = await ApiJson.ReadTextAsync(request, cancellationToken).ConfigureAwait(false);
        if (json is null) return ApiProblems.BadRequest(error!);
        var check = catalog.Check(json);
        return TypedResults.Ok(new ValidateResponse(check.Bot?.Name, check.IsValid, check.Queue, check.Problems.Select(ApiProblems.ToJson).ToArray()));
    }
}
