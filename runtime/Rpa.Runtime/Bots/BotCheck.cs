using Rpa.Engine.Model;
using Rpa.Engine.Validation;

namespace Rpa.Runtime.Bots;

/// <summary>What checking a bot.json found: the definition and the queue its runs need, or every problem.</summary>
public sealed record BotCheck(BotDefinition? Bot, IReadOnlyList<ValidationProblem> Problems, string Queue)
{
    public bool IsValid => Bot is not null && Problems.Count == 0;
}
