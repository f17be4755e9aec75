using Rpa.Engine.Execution;

namespace Rpa.Engine.Validation;

/// <summary>The outcome of compiling a bot: the bot ready to run, or every problem found.</summary>
public sealed record CompileResult(CompiledBot? Bot, IReadOnlyList<ValidationProblem> Problems)
{
    public bool IsValid => Bot is not null && Problems.Count == 0;
}
