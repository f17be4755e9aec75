using Rpa.Engine.Model;
using Rpa.Engine.Validation;

namespace Rpa.Engine.Serialization;

/// <summary>A bot read from JSON, or the problems that kept it from being read.</summary>
public sealed record BotReadResult(BotDefinition? Bot, IReadOnlyList<ValidationProblem> Problems)
{
    public bool Success => Bot is not null && Problems.Count == 0;
}
