using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Hosting;
using Rpa.Runtime.Runs;
using Rpa.Runtime.Store;
using Rpa.Runtime.Triggers;
using BotProblem = Rpa.Engine.Validation.ValidationProblem;

namespace Rpa.Host.Api;

/// <summary>
/// Triggers of the published bots: list them (with next fire times and last runs), fire a schedule now, make a webhook's
/// secret, and the webhook endpoint itself (<c>POST /api/hooks/{bot}/{hook}</c>, authenticated by the hook's secret).
/// </summary>
public static class TriggersApi
{
    /// <summary>The header that carries a webhook's secret.</summary>
    public const string SecretHeader = "X-Rpa-Secret";

    public static IEndpointRouteBuilder MapTriggersApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/triggers", ListAsync).WithTags("Triggers").RequiresRole(RpaRole.Viewer)
            .WithSummary("Every trigger of every published bot, with the next fire time of schedules and the last run each started.");
        var bots = app.MapGroup("/api/bots/{name}").WithTags("Triggers");
        bots.MapGet("/triggers", ForBotAsync).RequiresRole(RpaRole.Viewer)
            .WithSummary("The triggers of the bot's published version and its concurrency limit.");
        bots.MapPost("/triggers/{trigger}/fire", FireAsync).RequiresRole(RpaRole.Operator)
            .WithSummary("Fires a schedule now: starts a run with the schedule's inputs (trigger schedule:NAME).");
        bots.MapPost("/hooks/{hook}/secret", RotateSecretAsync).RequiresRole(RpaRole.Engineer)
            .WithSummary("Makes a new secret for a webhook trigger (the old one stops working) and shows it once.");
        app.MapPost("/api/hooks/{bot}/{hook}", HookAsync).WithTags("Triggers").AllowsAnonymous()
            .Accepts<object>("application/json")
            .WithSummary("A webhook: starts a run from the JSON body; the hook's secret goes in the X-Rpa-Secret header. 202 with the run.");
        return app;
    }

    private static async Task<Ok<TriggerResponse[]>> ListAsync(
        TriggerCatalog triggers, IRunStore store, IOptions<RuntimeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var published = await triggers.ListAsync(cancellationToken).ConfigureAwait(false);
        var secrets = await store.ListWebhookSecretsAsync(null, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(await DescribeAsync(published, secrets, store, options.Value.ResolvedDataDirectory, time, cancellationToken).ConfigureAwait(false));
    }

    private static async Task<Results<Ok<BotTriggersResponse>, ProblemHttpResult>> ForBotAsync(
        string name, TriggerCatalog triggers, IRunStore store, BotCache bots, IOptions<RuntimeOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var bot = await store.GetBotAsync(name, cancellationToken).ConfigureAwait(false);
        if (bot is null) return ApiProblems.NotFound($"There is no bot '{name}'.");
        var published = await triggers.ForBotAsync(name, cancellationToken).ConfigureAwait(false) ?? [];
        int? max = null;
        if (bot.PublishedVersion is { } version && await bots.GetAsync(name, version, cancellationToken).ConfigureAwait(false) is { Bot: { } compiled })
        {
            max = TriggerReader.ReadValid(compiled.Definition).MaxConcurrency;
        }

        var secrets = await store.ListWebhookSecretsAsync(name, cancellationToken).ConfigureAwait(false);
        var list = await DescribeAsync(published, secrets, store, options.Value.ResolvedDataDirectory, time, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new BotTriggersResponse(name, bot.PublishedVersion, max, list));
    }

    private static async Task<Results<Accepted<RunResponse>, ValidationProblem, ProblemHttpResult>> FireAsync(
        string name, string trigger, TriggerCatalog triggers, ScheduleJob schedules, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var published = await triggers.ForBotAsync(name, cancellationToken).ConfigureAwait(false);
        if (published is null) return ApiProblems.NotFound($"There is no bot '{name}'.");
        var found = published.FirstOrDefault(t => t.Trigger.Name == trigger);
        if (found is null) return ApiProblems.NotFound($"The published version of bot '{name}' has no trigger '{trigger}'.");
        if (found.Trigger is not ScheduleTrigger)
        {
            return ApiProblems.BadRequest($"Trigger '{trigger}' of bot '{name}' is a {found.Trigger.Type}; only a schedule can be fired (call a webhook at its URL, drop a file in a file drop's folder).");
        }

        var result = await schedules.FireNowAsync(name, trigger, cancellationToken).ConfigureAwait(false);
        if (result.NotFound is { } missing) return ApiProblems.NotFound(missing);
        if (result.Run is null) return ApiProblems.Invalid($"The schedule '{trigger}' of bot '{name}' cannot start a run", result.Problems);
        await audit.WriteAsync(context.User, "run.started", $"run:{result.Run.Id}", new { bot = name, version = result.Run.BotVersion, trigger = result.Run.Trigger }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/runs/{result.Run.Id}", RunResponse.From(result.Run));
    }

    private static async Task<Results<Ok<WebhookSecretResponse>, ProblemHttpResult>> RotateSecretAsync(
        string name, string hook, TriggerCatalog triggers, WebhookSecrets secrets, AuditLog audit, HttpContext context, CancellationToken cancellationToken)
    {
        var published = await triggers.ForBotAsync(name, cancellationToken).ConfigureAwait(false);
        if (published is null) return ApiProblems.NotFound($"There is no bot '{name}'.");
        if (published.FirstOrDefault(t => t.Trigger.Name == hook)?.Trigger is not WebhookTrigger)
        {
            return ApiProblems.NotFound($"The published version of bot '{name}' has no webhook trigger '{hook}'.");
        }

        var secret = await secrets.RotateAsync(name, hook, cancellationToken).ConfigureAwait(false);
        await audit.WriteAsync(context.User, "webhook.secret-rotated", $"bot:{name} hook:{hook}", cancellationToken: cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new WebhookSecretResponse(name, hook, secret, SecretHeader, HookUrl(name, hook)));
    }

    private static async Task<Results<Accepted<RunResponse>, ValidationProblem, ProblemHttpResult>> HookAsync(
        string bot, string hook, HttpRequest request, TriggerCatalog triggers, WebhookSecrets secrets, RunLauncher launcher,
        IOptions<RuntimeOptions> options, AuditLog audit, CancellationToken cancellationToken)
    {
        var published = await triggers.ForBotAsync(bot, cancellationToken).ConfigureAwait(false);
        if (published?.FirstOrDefault(t => t.Trigger.Name == hook) is not { Trigger: WebhookTrigger webhook } found)
        {
            return ApiProblems.NotFound($"There is no webhook '{hook}' on the published version of bot '{bot}'.");
        }

        if (!await secrets.VerifyAsync(bot, hook, request.Headers[SecretHeader].ToString(), cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(
                detail: $"The {SecretHeader} header is missing or is not the secret of webhook '{hook}' of bot '{bot}' (an Engineer makes one with POST /api/bots/{bot}/hooks/{hook}/secret).",
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized");
        }

        var max = options.Value.WebhookMaxBodyBytes;
        var (body, error, tooLarge) = await ReadBodyAsync(request, max, cancellationToken).ConfigureAwait(false);
        if (tooLarge)
        {
            return TypedResults.Problem(detail: $"The body is larger than {max} bytes (Rpa:WebhookMaxBodyBytes).", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");
        }

        if (error is not null) return ApiProblems.BadRequest(error);
        var (inputs, problems) = webhook.Map(body);
        if (inputs is null)
        {
            return ApiProblems.Invalid(
                $"The body does not map to the inputs of bot '{bot}' (webhook '{hook}')",
                problems.Select(p => new BotProblem(null, p.Input == "*" ? "body" : $"input '{p.Input}'", p.Reason)).ToList());
        }

        var result = await launcher.StartAsync(new RunRequest(bot, inputs, webhook.RunTrigger) { Version = found.Version }, cancellationToken).ConfigureAwait(false);
        if (result.NotFound is { } missing) return ApiProblems.NotFound(missing);
        if (result.Run is null) return ApiProblems.Invalid($"The body does not fit the inputs of bot '{bot}' (webhook '{hook}')", result.Problems);
        await audit.WriteAsync($"webhook:{bot}/{hook}", "run.started", $"run:{result.Run.Id}", new { bot, version = result.Run.BotVersion, trigger = result.Run.Trigger }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/runs/{result.Run.Id}", RunResponse.From(result.Run));
    }

    /// <summary>Reads at most <paramref name="max"/> bytes of JSON; an empty body is JSON null.</summary>
    private static async Task<(JsonNode? Body, string? Error, bool TooLarge)> ReadBodyAsync(HttpRequest request, int max, CancellationToken cancellationToken)
    {
        if (request.ContentLength > max) return (null, null, true);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > max) return (null, null, true);
            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0) return (null, null, false);
        try
        {
            return (JsonNode.Parse(buffer.ToArray()), null, false);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON: {e.Message}", false);
        }
    }

    private static async Task<TriggerResponse[]> DescribeAsync(
        IReadOnlyList<PublishedTrigger> published, IReadOnlyList<WebhookSecretRecord> secrets, IRunStore store, string dataDirectory, TimeProvider time, CancellationToken cancellationToken)
    {
        var list = new List<TriggerResponse>();
        var now = time.GetUtcNow();
        foreach (var (bot, version, compiled, trigger) in published)
        {
            var folder = trigger is FileDropTrigger drop ? drop.ResolveFolder(compiled.Location, dataDirectory) : null;
            var query = folder is not null
                ? new RunQuery { Bot = bot, TriggerPrefix = $"{trigger.RunTrigger}{folder}{Path.DirectorySeparatorChar}", Limit = 1 }
                : new RunQuery { Bot = bot, Trigger = trigger.RunTrigger, Limit = 1 };
            var last = (await store.ListRunsAsync(query, cancellationToken).ConfigureAwait(false)).FirstOrDefault();
            var lastRun = last is null ? null : new TriggerRunResponse(last.Id, last.Status.ToApiName(), last.CreatedAt, last.EndedAt);
            list.Add(trigger switch
            {
                ScheduleTrigger s => new TriggerResponse(bot, version, s.Name, s.Type, s.RunTrigger, s.Cron, s.TimeZone.Id, s.NextOccurrence(now)?.ToUniversalTime(),
                    null, null, null, null, null, s.Inputs.DeepClone(), lastRun),
                WebhookTrigger w => new TriggerResponse(bot, version, w.Name, w.Type, w.RunTrigger, null, null, null,
                    HookUrl(bot, w.Name), secrets.Any(x => x.BotName == bot && x.Hook == w.Name), null, null, null,
                    w.Inputs is null ? null : new JsonObject(w.Inputs.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)JsonValue.Create(p.Value)))), lastRun),
                FileDropTrigger f => new TriggerResponse(bot, version, f.Name, f.Type, f.RunTrigger, null, null, null,
                    null, null, folder, f.Pattern, f.Input, f.Inputs.DeepClone(), lastRun),
                _ => new TriggerResponse(bot, version, trigger.Name, trigger.Type, trigger.RunTrigger, null, null, null, null, null, null, null, null, null, lastRun),
            });
        }

        return [.. list];
    }

    private static string HookUrl(string bot, string hook) => $"/api/hooks/{Uri.EscapeDataString(bot)}/{Uri.EscapeDataString(hook)}";
}
