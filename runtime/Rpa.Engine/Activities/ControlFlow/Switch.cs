using Rpa.Engine.Execution;
using Rpa.Engine.Values;

namespace Rpa.Engine.Activities.ControlFlow;

[Activity("Control flow", "Switch", Description = "Matches a value against case names (as text): runs the matching case's activity, or 'default'. In a flowchart, ends with the matching case name as its outcome, or Default.",
    Outcomes = [Outcomes.Default])]
public sealed class Switch : Activity
{
    [Input(Required = true, Description = "The value to match, compared as text with the case names.")]
    public Input<object?> Value { get; set; } = new();

    [Input(LiteralOnly = true, Description = "Case names that are outcomes in a flowchart; names of 'branches' are cases too.")]
    public Input<List<string>> Cases { get; set; } = new([]);

    [Slot(Description = "Activities by case name.")]
    public IReadOnlyDictionary<string, Activity> Branches { get; set; } = new Dictionary<string, Activity>();

    [Slot(Description = "Runs when no case matches.")]
    public Activity? Default { get; set; }

    public override IEnumerable<string> Validate()
    {
        if (Cases.LiteralValue.Concat(Branches.Keys).Contains(Outcomes.Default, StringComparer.Ordinal))
        {
            yield return "a case cannot be named 'Default'; that name is the outcome when no case matches (use the 'default' slot)";
        }
    }

    public override IReadOnlyList<string> GetDynamicOutcomes() =>
        [.. Cases.LiteralValue.Concat(Branches.Keys).Distinct(StringComparer.Ordinal), Outcomes.Default];

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var value = context.Get(Value);
        var text = value is null ? "" : ValueConverter.ToText(value);
        var cases = GetDynamicOutcomes();
        var matched = cases.FirstOrDefault(c => c != Outcomes.Default && string.Equals(c, text, StringComparison.Ordinal));
        context.Outcome = matched ?? Outcomes.Default;
        var branch = matched is not null ? Branches.GetValueOrDefault(matched) : Default;
        if (branch is not null) await context.RunAsync(branch).ConfigureAwait(false);
    }
}
