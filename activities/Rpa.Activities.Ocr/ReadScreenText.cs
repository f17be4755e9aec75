using Rpa.Activities.Browser;
using Rpa.Activities.Ocr.Screen;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Ocr;

[Activity("OCR", "Read screen text", Description = "Screenshots the run's browser page and reads it with OCR: for applications that only draw pixels (canvas, remote desktops in a browser, images). Boxes are in CSS pixels of the page.", Needs = [ActivityNeeds.Ocr, ActivityNeeds.Browser])]
public sealed class ReadScreenText : BrowserActivity
{
    [Input(Description = "The whole page, not only what fits in the window.")]
    public Input<bool> FullPage { get; set; } = new(false);

    [Input(Description = OcrInputs.LanguagesDescription)]
    public Input<string> Languages { get; set; } = new("");

    [Input(Description = "How Tesseract splits the screen into lines; empty: SparseText, which suits screens.")]
    public Input<PageSegmentationMode?> PageSegmentation { get; set; } = new();

    [Input(Description = "Clean-ups before reading: none, all, or any of grayscale, scaleUp, deskew, threshold; empty: scaleUp (screen text is small).")]
    public Input<string> Preprocess { get; set; } = new("");

    [Output(Description = "The text on the screen.")]
    public Output<string> Text { get; set; } = new();

    [Output(Description = "Every word: { text, x, y, width, height, confidence }, in CSS pixels of the page.")]
    public Output<List<object?>> Words { get; set; } = new();

    [Output(Description = "The mean word confidence, 0–1.")]
    public Output<decimal> Confidence { get; set; } = new();

    public override IEnumerable<string> Validate() => base.Validate().Concat(OcrInputs.Check(Preprocess));

    protected override async Task RunAsync(BrowserStep step)
    {
        var context = step.Context;
        var pool = context.GetRequiredService<OcrEnginePool>();
        var request = OcrInputs.Request(context.Get(Languages), context.Get(PageSegmentation), context.Get(Preprocess), ScreenReader.ScreenDefaults);
        var screen = await ScreenReader.ReadAsync(step, pool, request, context.Get(FullPage)).ConfigureAwait(false);
        context.Set(Text, screen.Result.Text);
        context.Set(Words, OcrValues.Words(screen.Result.Words));
        context.Set(Confidence, OcrValues.Confidence(screen.Result.Confidence));
    }
}
