using Rpa.Engine.Validation;

namespace Rpa.Engine.Execution;

/// <summary>The inputs given to a run do not fit the bot's declared inputs.</summary>
public sealed class BotInputException(string bot, IReadOnlyList<ValidationProblem> problems)
    : Exception($"Bot '{bot}' cannot start: " + string.Join("; ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
