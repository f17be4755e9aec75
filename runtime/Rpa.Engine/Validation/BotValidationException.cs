namespace Rpa.Engine.Validation;

/// <summary>A bot definition has problems; it is rejected before it runs.</summary>
public sealed class BotValidationException(string bot, IReadOnlyList<ValidationProblem> problems)
    : Exception($"Bot '{bot}' is not valid ({problems.Count} problem{(problems.Count == 1 ? "" : "s")}):" + Environment.NewLine
        + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
{
    public IReadOnlyList<ValidationProblem> Problems { get; } = problems;
}
