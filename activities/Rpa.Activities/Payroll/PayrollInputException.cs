namespace Rpa.Activities.Payroll;

/// <summary>Rows of the employees or timesheets that cannot be paid; each problem names the source, the row and the reason.</summary>
public sealed class PayrollInputException(IReadOnlyList<string> problems)
    : Exception(problems.Count == 1 ? problems[0] : $"{problems.Count} problems in the payroll input:\n- {string.Join("\n- ", problems)}")
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
