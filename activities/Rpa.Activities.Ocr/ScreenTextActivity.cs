using Rpa.Activities.Browser;
using Rpa.Activities.Ocr.Matching;
using Rpa.Activities.Ocr.Screen;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Ocr;

/// <summary>The base of activities that find a phrase on the current page by OCR (Find text on screen, Click text).</summary>
public abstract class ScreenTextActivity : BrowserActivity
{
    [Input(Required = true, Description = "The words to find, e.g. Save invoice. Case and punctuation at word ends are ignored.")]
    public Input<string> Text { get; set; } = new();

    [Input(Description = "How alike the screen's words must be, 0–1: 1 exact, 0.8 allows about one wrong letter in five.")]
    public Input<decimal> Threshold { get; set; } = new(0.8m);

    [Input(Description = "Which match, in reading order (top to bottom, left to right), when the phrase appears several times.")]
    public Input<int> Occurrence { get; set; } = new(1);

    [Input(Description = OcrInputs.LanguagesDescription)]
    public Input<string> Languages { get; set; } = new("");

    [Input(Description = "Clean-ups before reading; empty: scaleUp (screen text is small).")]
    public Input<string> Preprocess { get; set; } = new("");

    public override IEnumerable<string> Validate()
    {
        foreach (var problem in base.Validate().Concat(OcrInputs.Check(Preprocess))) yield return problem;
        if (Threshold.IsLiteral && Threshold.LiteralValue is <= 0 or > 1) yield return "threshold must be between 0 and 1";
        if (Occurrence.IsLiteral && Occurrence.LiteralValue < 1) yield return "occurrence must be 1 or more";
    }

    /// <summary>Screenshots the page and finds the phrase (waiting until it appears, up to the timeout).</summary>
    private protected Task<PhraseMatch> FindAsync(BrowserStep step)
    {
        var context = step.Context;
        var pool = context.GetRequiredService<OcrEnginePool>();
        var request = OcrInputs.Request(context.Get(Languages), null, context.Get(Preprocess), ScreenReader.ScreenDefaults);
        return ScreenReader.FindAsync(step, pool, request, context.Get(Text), (double)context.Get(Threshold), context.Get(Occurrence));
    }
}
