using Rpa.Engine.Execution;

namespace Rpa.Engine.Activities.Primitives;

[Activity("Diagnostics", "Fail", Description = "Fails the run (or the enclosing Try / catch) with a message: for business rules a bot must not pass. Kind 'business' marks a business exception: a work-queue item that fails with it is not retried.")]
public sealed class Fail : Activity
{
    public const string Application = "application";

    public const string Business = "business";

    [Input(Required = true, Description = "Why the bot stops, for the person who reads the run.")]
    public Input<string> Message { get; set; } = new();

    [Input(Description = "'application' (the default: something went wrong, trying again may help) or 'business' (the data breaks a business rule: trying again cannot help, so a queue item fails without a retry).")]
    public Input<string> Kind { get; set; } = new(Application);

    public override IEnumerable<string> Validate()
    {
        if (Kind.IsSet && Kind.IsLiteral && !IsKind(Kind.LiteralValue)) yield return $"kind must be '{Application}' or '{Business}', not '{Kind.LiteralValue}'";
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var message = context.Get(Message);
        var kind = context.Get(Kind);
        if (!IsKind(kind)) throw new ActivityException($"kind must be '{Application}' or '{Business}', not '{kind}'");
        throw string.Equals(kind, Business, StringComparison.OrdinalIgnoreCase) ? new BusinessException(message) : new ActivityException(message);
    }

    private static bool IsKind(string? kind) =>
        string.Equals(kind, Application, StringComparison.OrdinalIgnoreCase) || string.Equals(kind, Business, StringComparison.OrdinalIgnoreCase);
}
