using Rpa.Engine.Validation;
using Rpa.Runtime.Store;

namespace Rpa.Runtime.Runs;

/// <summary>What starting a run did: the queued run, or why not (no such bot or version, inputs that do not fit, a bot that does not compile).</summary>
public sealed record RunStartResult(RunRecord? Run, string? NotFound, IReadOnlyList<ValidationProblem> Problems)
{
    public static RunStartResult Missing(string why) => new(null, why, []);

    public static RunStartResult Invalid(IReadOnlyList<ValidationProblem> problems) => new(null, null, problems);
}
