using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Queues;
using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>/api/queues: work queues (define, list with counts) and their items (add one or many, list, get, retry). See docs/queues.md.</summary>
public static class QueuesApi
{
    private const int MaxItemsPerRequest = 1000;

    public static IEndpointRouteBuilder MapQueuesApi(this IEndpointRouteBuilder app)
    {
        var queues = app.MapGroup("/api/queues").WithTags("Queues");
        queues.MapGet("/", ListAsync).RequiresRole(RpaRole.Viewer).WithSummary("Work queues with how many items each has per status.");
        queues.MapGet("/{name}", GetAsync).RequiresRole(RpaRole.Viewer).WithSummary("One work queue with its counts per status.");
        queues.MapPut("/{name}", SaveAsync).RequiresRole(RpaRole.Engineer)
            .Accepts<object>("application/json")
            .WithSummary("Creates or changes a queue: { \"bot\", \"description\", \"maxAttempts\" (3), \"leaseSeconds\" (60) }.");
        queues.MapPost("/{name}/items", AddItemsAsync).RequiresRole(RpaRole.Operator)
            .Accepts<object>("application/json")
            .WithSummary("Adds one item { \"reference\", \"payload\", \"priority\", \"deadline\" }, or many as { \"items\": [ ... ] }. A reference the queue has already is not added again.");
        queues.MapGet("/{name}/items", ListItemsAsync).RequiresRole(RpaRole.Viewer).WithSummary("The queue's items, oldest first; filter by status and reference; page with offset and limit.");
        queues.MapGet("/{name}/items/{id:guid}", GetItemAsync).RequiresRole(RpaRole.Viewer).WithSummary("One item: status, attempts, runs, output, error.");
        queues.MapPost("/{name}/items/{id:guid}/retry", RetryAsync).RequiresRole(RpaRole.Operator).WithSummary("Puts a failed item back in the queue with its attempts reset.");
        return app;
    }

    private static async Task<Ok<QueueResponse[]>> ListAsync(IQueueStore store, CancellationToken cancellationToken)
    {
        var queues = await store.ListQueuesAsync(cancellationToken).ConfigureAwait(false);
        var counts = await store.CountItemsAsync(null, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(queues.Select(q => QueueResponse.From(q, counts.GetValueOrDefault(q.Name))).ToArray());
    }

    private static async Task<Results<Ok<QueueResponse>, ProblemHttpResult>> GetAsync(string name, IQueueStore store, CancellationToken cancellationToken)
    {
        var queue = await store.GetQueueAsync(name, cancellationToken).ConfigureAwait(false);
        if (queue is null) return NoQueue(name);
        var counts = await store.CountItemsAsync(name, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(QueueResponse.From(queue, counts.GetValueOrDefault(name)));
    }

    private static async Task<Results<Created<QueueResponse>, Ok<QueueResponse>, ValidationProblem, ProblemHttpResult>> SaveAsync(
        string name, HttpRequest request, QueueCatalog catalog, IQueueStore store, CancellationToken cancellationToken)
    {
        var (body, error) = await ApiJson.ReadObjectAsync(request, cancellationToken).ConfigureAwait(false);
        if (body is null) return ApiProblems.BadRequest(error!);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body["name"] is JsonValue n && n.TryGetValue<string>(out var bodyName) && bodyName != name)
        {
            errors["name"] = [$"'{bodyName}' differs from the name in the path ('{name}')"];
        }

        var definition = QueueDefinition.Read(name, body, "", errors);
        if (definition is not null && errors.Count == 0)
        {
            var (problems, created) = await catalog.SaveAsync(definition, cancellationToken).ConfigureAwait(false);
            if (problems.Count == 0)
            {
                var saved = QueueResponse.From((await store.GetQueueAsync(name, cancellationToken).ConfigureAwait(false))!,
                    (await store.CountItemsAsync(name, cancellationToken).ConfigureAwait(false)).GetValueOrDefault(name));
                return created ? TypedResults.Created($"/api/queues/{name}", saved) : TypedResults.Ok(saved);
            }

            foreach (var (field, messages) in problems) errors[field] = messages;
        }

        return TypedResults.ValidationProblem(errors, title: $"Queue '{name}' cannot be saved", detail: Count(errors));
    }

    private static async Task<Results<Created<AddItemsResponse>, Ok<AddItemsResponse>, ValidationProblem, ProblemHttpResult>> AddItemsAsync(
        string name, HttpRequest request, QueueCatalog catalog, IQueueStore store, CancellationToken cancellationToken)
    {
        var (text, error) = await ApiJson.ReadTextAsync(request, cancellationToken).ConfigureAwait(false);
        if (text is null) return ApiProblems.BadRequest(error!);
        JsonNode? body;
        try
        {
            body = JsonNode.Parse(text);
        }
        catch (JsonException e)
        {
            return ApiProblems.BadRequest($"The body is not valid JSON: {e.Message}");
        }

        if (await store.GetQueueAsync(name, cancellationToken).ConfigureAwait(false) is null) return NoQueue(name);

        // One item as an object, or many as { "items": [ ... ] } (or a bare array).
        var (list, prefix) = body switch
        {
            JsonObject o when o["items"] is JsonArray items => (items.ToList(), "items"),
            JsonObject o when o.ContainsKey("items") => ((List<JsonNode?>?)null, "items"),
            JsonObject o => ([o], ""),
            JsonArray a => (a.ToList(), "items"),
            _ => (null, ""),
        };
        if (list is null) return ApiProblems.BadRequest("The body must be an item { \"reference\", \"payload\", \"priority\", \"deadline\" } or { \"items\": [ ... ] }.");
        if (list.Count == 0) return ApiProblems.BadRequest("'items' is empty; give at least one item.");
        if (list.Count > MaxItemsPerRequest) return ApiProblems.BadRequest($"{list.Count} items in one request; at most {MaxItemsPerRequest}.");

        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var records = new List<QueueItemRecord>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Count; i++)
        {
            var place = prefix.Length == 0 ? "" : $"{prefix}[{i}].";
            var record = ReadItem(name, list[i], place, errors);
            if (record is null) continue;
            if (!seen.Add(record.Reference)) errors[place + "reference"] = [$"'{record.Reference}' is given twice in this request"];
            else records.Add(record);
        }

        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: $"Items for queue '{name}' cannot be added; none was added", detail: Count(errors));

        var results = await catalog.AddItemsAsync(records, cancellationToken).ConfigureAwait(false);
        var response = new AddItemsResponse(
            results.Count(r => r.Added),
            results.Count(r => !r.Added),
            results.Select(r => new AddedItemResponse(r.Added, QueueItemResponse.From(r.Item))).ToArray());
        return response.Added > 0
            ? TypedResults.Created(results.Count == 1 ? $"/api/queues/{name}/items/{results[0].Item.Id}" : $"/api/queues/{name}/items", response)
            : TypedResults.Ok(response);
    }

    private static QueueItemRecord? ReadItem(string queue, JsonNode? node, string place, Dictionary<string, string[]> errors)
    {
        if (node is not JsonObject item)
        {
            errors[place.Length == 0 ? "body" : place.TrimEnd('.')] = ["must be an object { \"reference\", \"payload\", \"priority\", \"deadline\" }"];
            return null;
        }

        var count = errors.Count;
        string? reference = null;
        if (item["reference"] is JsonValue r && r.TryGetValue<string>(out var text) && text.Trim().Length is > 0 and <= 200) reference = text.Trim();
        else errors[place + "reference"] = ["is required: text of 1 to 200 characters that identifies the item within the queue"];

        var payload = "{}";
        if (item["payload"] is { } p)
        {
            if (p is JsonObject) payload = p.ToJsonString();
            else errors[place + "payload"] = ["must be a JSON object"];
        }

        var priority = 0;
        if (item["priority"] is { } pr && (pr is not JsonValue pv || !pv.TryGetValue<int>(out priority) || priority < 0))
        {
            errors[place + "priority"] = ["must be a whole number, 0 or more (higher goes first)"];
        }

        DateTime? deadline = null;
        if (item["deadline"] is { } d)
        {
            if (d is JsonValue dv && dv.TryGetValue<string>(out var when) && DateTimeOffset.TryParse(when, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var parsed))
            {
                deadline = parsed.UtcDateTime;
            }
            else
            {
                errors[place + "deadline"] = ["must be a date and time in ISO 8601, such as 2026-12-01T17:00:00Z"];
            }
        }

        foreach (var (key, _) in item)
        {
            if (key is not ("reference" or "payload" or "priority" or "deadline")) errors[place + key] = ["is not an item field (reference, payload, priority, deadline)"];
        }

        return errors.Count > count ? null : new QueueItemRecord { QueueName = queue, Reference = reference!, Payload = payload, Priority = priority, Deadline = deadline };
    }

    private static async Task<Results<Ok<QueueItemResponse[]>, ProblemHttpResult>> ListItemsAsync(
        string name, IQueueStore store, CancellationToken cancellationToken, string? status = null, string? reference = null, int offset = 0, int limit = 100)
    {
        if (await store.GetQueueAsync(name, cancellationToken).ConfigureAwait(false) is null) return NoQueue(name);
        QueueItemStatus? state = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!QueueItemStatuses.TryParse(status, out var parsed)) return ApiProblems.BadRequest($"'{status}' is not an item status (new, inProgress, successful, failed).");
            state = parsed;
        }

        if (limit is < 1 or > 1000) return ApiProblems.BadRequest("'limit' must be between 1 and 1000.");
        if (offset < 0) return ApiProblems.BadRequest("'offset' cannot be negative.");
        var items = await store.ListItemsAsync(new QueueItemQuery(name) { Status = state, Reference = reference, Offset = offset, Limit = limit }, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(items.Select(QueueItemResponse.From).ToArray());
    }

    private static async Task<Results<Ok<QueueItemResponse>, ProblemHttpResult>> GetItemAsync(string name, Guid id, IQueueStore store, CancellationToken cancellationToken)
    {
        var item = await store.GetItemAsync(id, cancellationToken).ConfigureAwait(false);
        return item is null || item.QueueName != name ? NoItem(name, id) : TypedResults.Ok(QueueItemResponse.From(item));
    }

    private static async Task<Results<Accepted<QueueItemResponse>, ProblemHttpResult>> RetryAsync(
        string name, Guid id, IQueueStore store, QueueDispatch dispatch, CancellationToken cancellationToken)
    {
        var item = await store.GetItemAsync(id, cancellationToken).ConfigureAwait(false);
        if (item is null || item.QueueName != name) return NoItem(name, id);
        if (!await store.RetryAsync(id, cancellationToken).ConfigureAwait(false))
        {
            return TypedResults.Problem(detail: $"Item '{item.Reference}' is {item.Status.ToApiName()}; only a failed item can be retried.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        await dispatch.DispatchAsync(name, 1, cancellationToken).ConfigureAwait(false);
        var retried = await store.GetItemAsync(id, cancellationToken).ConfigureAwait(false);
        return TypedResults.Accepted($"/api/queues/{name}/items/{id}", QueueItemResponse.From(retried!));
    }

    private static string Count(Dictionary<string, string[]> errors) => $"{errors.Count} problem{(errors.Count == 1 ? "" : "s")}";

    private static ProblemHttpResult NoQueue(string name) => ApiProblems.NotFound($"There is no queue '{name}'.");

    private static ProblemHttpResult NoItem(string name, Guid id) => ApiProblems.NotFound($"Queue '{name}' has no item {id}.");
}
