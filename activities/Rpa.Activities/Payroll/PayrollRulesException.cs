namespace Rpa.Activities.Payroll;

/// <summary>A rules file that cannot be used: the message names the file, the field and the reason.</summary>
public sealed class PayrollRulesException(string message) : Exception(message);
