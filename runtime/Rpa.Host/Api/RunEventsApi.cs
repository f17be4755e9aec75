using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Runs;
using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>
/// GET /api/runs/{id}/events: the live view's server-sent events. <c>run</c> carries the run (as GET /api/runs/{id})
/// whenever its status changes, <c>entry</c> a journal entry when it starts and when it ends. Entries of a run this
/// process executes arrive at once (<see cref="RunEventHub"/>); the store is read every half second too, for runs
/// another worker process executes. The stream ends after the run's final status.
/// </summary>
public static class RunEventsApi
{
    private static readonly TimeSpan StoreInterval = TimeSpan.FromMilliseconds(500);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapRunEventsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/runs/{id:guid}/events", StreamAsync)
            .WithTags("Runs")
            .WithSummary("Server-sent events of a run: 'run' (status changes) and 'entry' (journal entries as they start and end); ends with the final status.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .RequiresRole(RpaRole.Viewer);
        return app;
    }

    private static async Task<IResult> StreamAsync(Guid id, HttpContext http, IRunStore store, RunEventHub hub, CancellationToken cancellationToken)
    {
        // Subscribed before the first read of the store, so no entry falls between the two.
        using var subscription = hub.Subscribe(id);
        var run = await store.GetRunAsync(id, cancellationToken).ConfigureAwait(false);
        if (run is null) return ApiProblems.NotFound($"There is no run {id}.");

        var response = http.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var stream = new RunEventStream(response);
        string? status = null;
        var idle = TimeSpan.Zero;
        try
        {
            while (true)
            {
                run = await store.GetRunAsync(id, cancellationToken).ConfigureAwait(false);
                if (run is null) break;
                var final = run.Status is RunState.Succeeded or RunState.Failed or RunState.Cancelled;
                var changed = run.Status.ToApiName() != status;
                status = run.Status.ToApiName();

                // A status goes out before the entries it explains, the final one after all of them: every stream ends with
                // the final status, also that of a run which had already ended (its entries first), because a client stops
                // listening when it sees the final status (an EventSource would otherwise reconnect).
                if (changed && !final) await stream.SendAsync("run", JsonSerializer.Serialize(RunResponse.From(run), Json), cancellationToken).ConfigureAwait(false);
                foreach (var record in await store.GetJournalAsync(id, cancellationToken).ConfigureAwait(false))
                {
                    if (stream.IsSent(record.Sequence, record.Status != "Running")) continue;
                    await stream.EntryAsync(JsonNode.Parse(record.Json)!.AsObject(), cancellationToken).ConfigureAwait(false);
                }

                if (final)
                {
                    if (changed) await stream.SendAsync("run", JsonSerializer.Serialize(RunResponse.From(run), Json), cancellationToken).ConfigureAwait(false);
                    break;
                }

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                wait.CancelAfter(StoreInterval);
                try
                {
                    while (await subscription.Entries.WaitToReadAsync(wait.Token).ConfigureAwait(false))
                    {
                        while (subscription.Entries.TryRead(out var entry)) await stream.EntryAsync(entry, cancellationToken).ConfigureAwait(false);
                    }
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                }

                idle += StoreInterval;
                if (idle >= TimeSpan.FromSeconds(15))
                {
                    idle = TimeSpan.Zero;
                    await stream.CommentAsync("keep-alive", cancellationToken).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The browser went away.
        }

        return Results.Empty;
    }

    /// <summary>Writes events; an entry is sent once when it starts and once when it ends, whichever source saw it first.</summary>
    private sealed class RunEventStream(HttpResponse response)
    {
        private readonly Dictionary<long, bool> _sent = [];

        /// <summary>Whether this state of the entry (or its end) went out already; the store's copy is then not even parsed.</summary>
        public bool IsSent(long sequence, bool ended) => _sent.TryGetValue(sequence, out var sentEnded) && (sentEnded || !ended);

        public async Task EntryAsync(JsonObject entry, CancellationToken cancellationToken)
        {
            var sequence = entry["sequence"]!.GetValue<long>();
            var ended = entry["status"]?.GetValue<string>() != "Running";
            if (IsSent(sequence, ended)) return;
            _sent[sequence] = ended;
            await SendAsync("entry", entry.ToJsonString(), cancellationToken).ConfigureAwait(false);
        }

        public async Task SendAsync(string name, string data, CancellationToken cancellationToken)
        {
            await response.WriteAsync($"event: {name}\ndata: {data}\n\n", Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        public async Task CommentAsync(string text, CancellationToken cancellationToken)
        {
            await response.WriteAsync($": {text}\n\n", Encoding.UTF8, cancellationToken).ConfigureAwait(false);
            await response.Body.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}
