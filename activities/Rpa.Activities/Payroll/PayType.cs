namespace Rpa.Activities.Payroll;

/// <summary>How an employee is paid: by the hour worked, or a fixed salary per pay period.</summary>
public enum PayType
{
    Hourly,
    Salaried,
}
