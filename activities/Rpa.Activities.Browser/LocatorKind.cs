namespace Rpa.Activities.Browser;

/// <summary>How an activity finds its element: Playwright locators, from the most to the least robust.</summary>
public enum LocatorKind
{
    Label,
    Role,
    Text,
    Placeholder,
    TestId,
    Css,
    XPath,
}
