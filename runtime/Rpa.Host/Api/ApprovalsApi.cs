using System.Text.Json.Nodes;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Rpa.Engine.Activities.HumanTasks;
using Rpa.Host.Api.Security;
using Rpa.Runtime.Dispatch;
using Rpa.Runtime.Store;

namespace Rpa.Host.Api;

/// <summary>/api/approvals: what paused runs wait for; approving or rejecting resumes the run on any worker.</summary>
public static class ApprovalsApi
{
    private const int MaxCommentLength = 2000;

    public static IEndpointRouteBuilder MapApprovalsApi(this IEndpointRouteBuilder app)
    {
        var approvals = app.MapGroup("/api/approvals").WithTags("Approvals");
        approvals.MapGet("/", ListAsync).RequiresRole(RpaRole.Viewer)
            .WithSummary("Approvals, newest first; status = pending (default), approved, rejected, cancelled or all; limit (1–1000).");
        approvals.MapGet("/{id:guid}", GetAsync).RequiresRole(RpaRole.Viewer).WithSummary("One approval.");
        approvals.MapPost("/{id:guid}/approve", (Guid id, HttpRequest request, IRunStore store, IBackgroundJobClient jobs, AuditLog audit, CancellationToken token) =>
                DecideAsync(id, approve: true, request, store, jobs, audit, token))
            .RequiresRole(RpaRole.Operator)
            .Accepts<object>("application/json")
            .WithSummary("Approves: { \"comment\": \"…\" } (optional body). The run resumes; 409 when someone decided first.");
        approvals.MapPost("/{id:guid}/reject", (Guid id, HttpRequest request, IRunStore store, IBackgroundJobClient jobs, AuditLog audit, CancellationToken token) =>
                DecideAsync(id, approve: false, request, store, jobs, audit, token))
            .RequiresRole(RpaRole.Operator)
            .Accepts<object>("application/json")
            .WithSummary("Rejects: { \"comment\": \"…\" } (optional body). The run resumes on its Rejected path; 409 when someone decided first.");
        return app;
    }

    private static async Task<Results<Ok<ApprovalResponse[]>, ProblemHttpResult>> ListAsync(
        IRunStore store, CancellationToken cancellationToken, string? status = "pending", int limit = 100)
    {
        ApprovalStatus? wanted = null;
        if (!string.Equals(status, "all", StringComparison.OrdinalIgnoreCase))
        {
            if (!Enum.TryParse<ApprovalStatus>(status, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.BadRequest($"'{status}' is not an approval status (pending, approved, rejected, cancelled, all).");
            }

            wanted = parsed;
        }

        if (limit is < 1 or > 1000) return ApiProblems.BadRequest("'limit' must be between 1 and 1000.");
        var approvals = await store.ListApprovalsAsync(wanted, limit, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(approvals.Select(ApprovalResponse.From).ToArray());
    }

    private static async Task<Results<Ok<ApprovalResponse>, ProblemHttpResult>> GetAsync(Guid id, IRunStore store, CancellationToken cancellationToken)
    {
        var approval = await store.GetApprovalAsync(id, cancellationToken).ConfigureAwait(false);
        return approval is null ? NoApproval(id) : TypedResults.Ok(ApprovalResponse.From(approval));
    }

    private static async Task<Results<Ok<ApprovalResponse>, ProblemHttpResult>> DecideAsync(
        Guid id, bool approve, HttpRequest request, IRunStore store, IBackgroundJobClient jobs, AuditLog audit, CancellationToken cancellationToken)
    {
        string? comment = null;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (body, error) = await ApiJson.ReadObjectAsync(request, cancellationToken).ConfigureAwait(false);
            if (body is null && error != "The request has no body; send JSON.") return ApiProblems.BadRequest(error!);
            switch (body?["comment"])
            {
                case null:
                    break;
                case JsonValue value when value.TryGetValue<string>(out var text):
                    if (text.Length > MaxCommentLength) return ApiProblems.BadRequest($"'comment' is longer than {MaxCommentLength} characters.");
                    comment = text.Length == 0 ? null : text;
                    break;
                default:
                    return ApiProblems.BadRequest("'comment' must be text.");
            }
        }

        var decidedBy = request.HttpContext.User.Identity?.Name is { Length: > 0 } name ? name : "api";
        var answer = WaitForApproval.Answer(approve, comment, decidedBy).ToJsonString();
        var decision = await store.DecideApprovalAsync(id, approve, decidedBy, comment, answer, cancellationToken).ConfigureAwait(false);
        switch (decision.Outcome)
        {
            case ApprovalDecisionOutcome.NotFound:
                return NoApproval(id);
            case ApprovalDecisionOutcome.AlreadyDecided:
                var current = decision.Approval!;
                return TypedResults.Problem(
                    detail: $"The approval '{current.Title}' is already {current.Status.ToString().ToLowerInvariant()}" +
                        (current.DecidedBy is null ? "." : $" (by {current.DecidedBy})."),
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Already decided");
            default:
                jobs.EnqueueRun(decision.Run!.Id, decision.Run.Queue);
                await audit.WriteAsync(request.HttpContext.User, approve ? "approval.approved" : "approval.rejected", $"approval:{id}",
                    new { run = decision.Run.Id, bot = decision.Run.BotName, title = decision.Approval!.Title, comment }, cancellationToken).ConfigureAwait(false);
                return TypedResults.Ok(ApprovalResponse.From(decision.Approval!));
        }
    }

    private static ProblemHttpResult NoApproval(Guid id) => ApiProblems.NotFound($"There is no approval {id}.");
}
