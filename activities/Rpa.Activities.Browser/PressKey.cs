using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Press key", Description = "Presses a key or a combination on the focused element, e.g. Enter, Tab, Escape, Control+A.", Needs = [ActivityNeeds.Browser])]
public sealed class PressKey : BrowserActivity
{
    [Input(Required = true, Description = "The key (Enter, Tab, ArrowDown, F5, a) or combination (Control+A, Shift+Tab).")]
    public Input<string> Key { get; set; } = new();

    protected override Task RunAsync(BrowserStep step) => step.Page.Keyboard.PressAsync(step.Context.Get(Key));
}
