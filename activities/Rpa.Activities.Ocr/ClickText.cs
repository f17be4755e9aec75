using Microsoft.Playwright;
using Rpa.Activities.Browser;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Ocr;

[Activity("OCR", "Click text", Description = "Finds a phrase on the screen with OCR (as 'Find text on screen') and clicks the middle of it, or a point offset from it (a field to the right of its label); optionally types text after the click. Drives applications that are only pixels.", Needs = [ActivityNeeds.Ocr, ActivityNeeds.Browser])]
public sealed class ClickText : ScreenTextActivity
{
    [Input(Description = "CSS pixels to the right of the phrase's middle to click (negative: to the left), e.g. into the field beside a label.")]
    public Input<decimal> OffsetX { get; set; } = new(0m);

    [Input(Description = "CSS pixels below the phrase's middle to click (negative: above).")]
    public Input<decimal> OffsetY { get; set; } = new(0m);

    [Input(Description = "Double-click instead of a single click.")]
    public Input<bool> Double { get; set; } = new(false);

    [Input(Description = "Optional: text to type after the click (into whatever the click focused).")]
    public Input<string> TypeText { get; set; } = new("");

    [Output(Description = "Where the phrase is: { x, y, width, height } in CSS pixels of the page.")]
    public Output<Dictionary<string, object?>> Box { get; set; } = new();

    [Output(Description = "The text OCR read there.")]
    public Output<string> FoundText { get; set; } = new();

    protected override async Task RunAsync(BrowserStep step)
    {
        var context = step.Context;
        var match = await FindAsync(step).ConfigureAwait(false);
        var x = (float)(match.Box.CenterX + (double)context.Get(OffsetX));
        var y = (float)(match.Box.CenterY + (double)context.Get(OffsetY));
        await step.Page.Mouse.ClickAsync(x, y, new MouseClickOptions { ClickCount = context.Get(Double) ? 2 : 1 }).ConfigureAwait(false);
        var text = context.Get(TypeText);
        if (text.Length > 0) await step.Page.Keyboard.TypeAsync(text, new KeyboardTypeOptions { Delay = 10 }).ConfigureAwait(false);
        context.Set(Box, OcrValues.Box(match.Box));
        context.Set(FoundText, match.Text);
    }
}
