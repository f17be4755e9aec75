using System.Text.Json.Nodes;
using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.HumanTasks;

[Activity("Human tasks", "Wait for approval",
    Description = "Pauses the run until a person approves or rejects (runtime: /api/approvals or the designer's inbox; local runs: `rpa approve <run>` / `rpa reject <run>`). The pause survives restarts. Ends with outcome Approved or Rejected.",
    Outcomes = [ApprovedOutcome, RejectedOutcome])]
public sealed class WaitForApproval : Activity, IBookmarkActivity
{
    public const string ApprovedOutcome = "Approved";
    public const string RejectedOutcome = "Rejected";

    /// <summary>The bookmark name of approvals, as the runtime lists them.</summary>
    public const string BookmarkName = "approval";

    [Input(Required = true, Description = "What to decide, in one line: `Pay 42 employees, total net EUR 123,456.78`.")]
    public Input<string> Title { get; set; } = new();

    [Input(Description = "Details for the person deciding (totals, links to the register); plain text.")]
    public Input<string?> Details { get; set; } = new(null);

    [Output(Description = "True when approved.")]
    public Output<bool> Approved { get; set; } = new();

    [Output(Description = "The comment the person gave, if any.")]
    public Output<string?> Comment { get; set; } = new();

    [Output(Description = "Who decided.")]
    public Output<string?> DecidedBy { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        if (!context.TryTakeResumeValue(out var answer))
        {
            var payload = new JsonObject { ["title"] = context.Get(Title), ["details"] = context.Get(Details) };
            throw context.Suspend(BookmarkName, payload);
        }

        var approved = answer["approved"]?.GetValueKind() == System.Text.Json.JsonValueKind.True;
        var comment = (string?)answer["comment"];
        var decidedBy = (string?)answer["decidedBy"];
        context.Set(Approved, approved);
        context.Set(Comment, comment);
        context.Set(DecidedBy, decidedBy);
        context.Outcome = approved ? ApprovedOutcome : RejectedOutcome;
        context.Logger.LogApprovalDecision(approved ? "approved" : "rejected", decidedBy ?? "someone", comment ?? "");
        return ValueTask.CompletedTask;
    }

    /// <summary>The answer that approves or rejects a waiting approval.</summary>
    public static JsonObject Answer(bool approved, string? comment, string? decidedBy) =>
        new() { ["approved"] = approved, ["comment"] = comment, ["decidedBy"] = decidedBy };
}
