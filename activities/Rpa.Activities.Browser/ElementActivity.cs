using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

/// <summary>The base of activities that act on one element, found with a Playwright locator chosen in the bot.</summary>
public abstract class ElementActivity : BrowserActivity
{
    [Input(Description = "How to find the element: Label (form fields), Role (with Name), Text, Placeholder, TestId, Css or XPath.")]
    public Input<LocatorKind> By { get; set; } = new(LocatorKind.Label);

    [Input(Required = true, Description = "The label, role (button, link, textbox, checkbox, ...), text, placeholder, test id, CSS selector or XPath.")]
    public Input<string> Target { get; set; } = new();

    [Input(Description = "With By = Role: the accessible name, such as a button's text.")]
    public Input<string> Name { get; set; } = new("");

    [Input(Description = "Match the whole text exactly (case-sensitive) instead of a case-insensitive substring.")]
    public Input<bool> Exact { get; set; } = new(false);

    public override IEnumerable<string> Validate()
    {
        foreach (var problem in base.Validate()) yield return problem;
        if (By.IsLiteral && By.LiteralValue == LocatorKind.Role && Target.IsSet && Target.IsLiteral && !Enum.TryParse<AriaRole>(Target.LiteralValue, true, out _))
        {
            yield return $"'{Target.LiteralValue}' is not an ARIA role (button, link, textbox, checkbox, combobox, heading, cell, row, ...)";
        }
    }

    protected sealed override Task RunAsync(BrowserStep step)
    {
        var context = step.Context;
        var by = context.Get(By);
        var target = context.Get(Target);
        var name = context.Get(Name);
        var exact = context.Get(Exact);
        step.Target = Describe(by, target, name);
        return RunOnAsync(step, Locate(step.Page, by, target, name, exact));
    }

    /// <summary>Does the activity's work on the element.</summary>
    protected abstract Task RunOnAsync(BrowserStep step, ILocator element);

    internal static ILocator Locate(IPage page, LocatorKind by, string target, string name, bool exact) => by switch
    {
        LocatorKind.Label => page.GetByLabel(target, new PageGetByLabelOptions { Exact = exact }),
        LocatorKind.Role => page.GetByRole(ParseRole(target), new PageGetByRoleOptions { Name = name.Length > 0 ? name : null, Exact = exact }),
        LocatorKind.Text => page.GetByText(target, new PageGetByTextOptions { Exact = exact }),
        LocatorKind.Placeholder => page.GetByPlaceholder(target, new PageGetByPlaceholderOptions { Exact = exact }),
        LocatorKind.TestId => page.GetByTestId(target),
        LocatorKind.Css => page.Locator("css=" + target),
        _ => page.Locator("xpath=" + target),
    };

    internal static string Describe(LocatorKind by, string target, string name) => by switch
    {
        LocatorKind.Label => $"the field labelled '{target}'",
        LocatorKind.Role => name.Length > 0 ? $"the {target} '{name}'" : $"a {target}",
        LocatorKind.Text => $"the element with text '{target}'",
        LocatorKind.Placeholder => $"the field with placeholder '{target}'",
        LocatorKind.TestId => $"the element with test id '{target}'",
        LocatorKind.Css => $"the element matching CSS '{target}'",
        _ => $"the element matching XPath '{target}'",
    };

    private static AriaRole ParseRole(string role) =>
        Enum.TryParse<AriaRole>(role, true, out var parsed) ? parsed : throw new ActivityException($"'{role}' is not an ARIA role (button, link, textbox, checkbox, ...)");
}
