using System.Text.Json.Nodes;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Dispatch;

/// <summary>How a run ended: what was written, whether its error is a business exception, and whether the write took (the run was still Running).</summary>
public sealed record RunEnd(RunCompletion Completion, bool IsBusinessError, bool Recorded)
{
    /// <summary>The end of a run that ended, as the store has it (for a process that did not run it).</summary>
    public static RunEnd Of(RunRecord run)
    {
        var business = run.Error is not null && JsonNode.Parse(run.Error)?["business"]?.GetValue<bool>() == true;
        return new RunEnd(new RunCompletion(run.Status, run.EndedAt ?? DateTime.UtcNow, run.Outputs, run.Error), business, true);
    }
}
