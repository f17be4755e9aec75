using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Payroll;

[Activity("Payroll", "Validate IBAN", Description = "Checks an IBAN: country code, length for the country (SEPA countries), and the mod-97 check digits. Outcome Valid or Invalid, with the reason.", Outcomes = ["Valid", "Invalid"])]
public sealed class ValidateIban : Activity
{
    [Input(Required = true, Description = "The IBAN, with or without spaces.")]
    public Input<string> Iban { get; set; } = new();

    [Output(Description = "Whether the IBAN is valid.")]
    public Output<bool> IsValid { get; set; } = new();

    [Output(Description = "The IBAN in electronic format (upper case, no spaces) when valid; empty otherwise.")]
    public Output<string> Normalized { get; set; } = new();

    [Output(Description = "Why the IBAN is invalid; empty when valid.")]
    public Output<string> Reason { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var valid = Payroll.Iban.TryNormalize(context.Get(Iban), out var normalized, out var reason);
        context.Set(IsValid, valid);
        context.Set(Normalized, normalized ?? "");
        context.Set(Reason, reason);
        context.Outcome = valid ? "Valid" : "Invalid";
        return ValueTask.CompletedTask;
    }
}
