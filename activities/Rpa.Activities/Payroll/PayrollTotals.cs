namespace Rpa.Activities.Payroll;

/// <summary>The sums of a payroll register: Gross = TotalDeductions + Net to the cent; Payments counts the employees with a net above zero.</summary>
public sealed record PayrollTotals(int Employees, decimal Gross, decimal Contributions, decimal Tax, decimal Deductions, decimal TotalDeductions, decimal Net, int Payments, decimal PaymentsTotal)
{
    public static PayrollTotals Of(IReadOnlyList<PayrollResult> results) => new(
        results.Count,
        results.Sum(r => r.Gross),
        results.Sum(r => r.Contributions.Sum(c => c.Amount)),
        results.Sum(r => r.Tax),
        results.Sum(r => r.Deductions.Sum(d => d.Amount)),
        results.Sum(r => r.TotalDeductions),
        results.Sum(r => r.Net),
        results.Count(r => r.Net > 0),
        results.Where(r => r.Net > 0).Sum(r => r.Net));

    /// <summary>The totals as a bot value (an object with these names), for the CalculatePayroll output.</summary>
    public Dictionary<string, object?> ToObject(string currency, string period) => new()
    {
        ["Period"] = period,
        ["Currency"] = currency,
        ["Employees"] = (decimal)Employees,
        ["Gross"] = Gross,
        ["Contributions"] = Contributions,
        ["Tax"] = Tax,
        ["Deductions"] = Deductions,
        ["TotalDeductions"] = TotalDeductions,
        ["Net"] = Net,
        ["Payments"] = (decimal)Payments,
        ["PaymentsTotal"] = PaymentsTotal,
    };
}
