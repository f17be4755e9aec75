using Rpa.Activities.Browser;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Ocr;

[Activity("OCR", "Find text on screen", Description = "Screenshots the page and finds a phrase with OCR (fuzzy: small misreadings still match), waiting until it appears. Returns its box in CSS pixels. Not found: fails with the closest text on the screen, its score, and a screenshot.", Needs = [ActivityNeeds.Ocr, ActivityNeeds.Browser])]
public sealed class FindTextOnScreen : ScreenTextActivity
{
    [Output(Description = "Where it is: { x, y, width, height } in CSS pixels of the page.")]
    public Output<Dictionary<string, object?>> Box { get; set; } = new();

    [Output(Description = "The text OCR read there.")]
    public Output<string> FoundText { get; set; } = new();

    [Output(Description = "How alike it is to the phrase, 0–1.")]
    public Output<decimal> Score { get; set; } = new();

    protected override async Task RunAsync(BrowserStep step)
    {
        var context = step.Context;
        var match = await FindAsync(step).ConfigureAwait(false);
        context.Set(Box, OcrValues.Box(match.Box));
        context.Set(FoundText, match.Text);
        context.Set(Score, OcrValues.Confidence(match.Score));
    }
}
