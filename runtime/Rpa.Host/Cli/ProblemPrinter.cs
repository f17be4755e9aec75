using Rpa.Engine.Validation;

namespace Rpa.Host.Cli;

internal static class ProblemPrinter
{
    public static void Print(TextWriter output, string bot, string file, IReadOnlyList<ValidationProblem> problems)
    {
        output.WriteLine($"Bot '{bot}' ({file}) is not valid: {problems.Count} problem{(problems.Count == 1 ? "" : "s")}");
        foreach (var problem in problems)
        {
            output.WriteLine($"  - {problem}");
        }
    }
}
