using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using Rpa.Activities.Browser;
using Rpa.Activities.Ocr.Matching;

namespace Rpa.Activities.Ocr.Screen;

/// <summary>Screenshots the run's page, reads it with OCR, and finds phrases on it; boxes are in CSS pixels of the viewport.</summary>
internal static class ScreenReader
{
    /// <summary>Screens are read as sparse text (buttons, labels, fields anywhere) and scaled up: UI text is small.</summary>
    public static readonly OcrRequest ScreenDefaults = new() { PageSegmentation = PageSegmentationMode.SparseText, Preprocessing = OcrPreprocessing.ScaleUp, ScaleUpBelowWidth = 4000 };

    public static async Task<ScreenText> ReadAsync(BrowserStep step, OcrEnginePool pool, OcrRequest request, bool fullPage = false)
    {
        var png = await step.Page.ScreenshotAsync(new PageScreenshotOptions { FullPage = fullPage, Type = ScreenshotType.Png, Timeout = Math.Max(step.TimeoutMs, 10_000) }).ConfigureAwait(false);
        var ratio = await step.Page.EvaluateAsync<double>("() => window.devicePixelRatio || 1").ConfigureAwait(false);
        var result = await pool.RecognizeAsync(png, request, $"the screenshot of {step.Page.Url}", step.Context.CancellationToken).ConfigureAwait(false);
        if (ratio is > 0 and not 1.0) result = Scale(result, 1.0 / ratio);
        return new ScreenText(result, png);
    }

    /// <summary>
    /// Reads the screen until <paramref name="phrase"/> appears (its <paramref name="occurrence"/>-th match in reading
    /// order scoring at least <paramref name="threshold"/>) or the step's timeout passes; then fails with the closest
    /// match and a screenshot.
    /// </summary>
    public static async Task<PhraseMatch> FindAsync(BrowserStep step, OcrEnginePool pool, OcrRequest request, string phrase, double threshold, int occurrence)
    {
        if (string.IsNullOrWhiteSpace(phrase)) throw new OcrException("text is empty; give the words to look for on the screen");
        if (threshold is <= 0 or > 1) throw new OcrException($"threshold must be between 0 and 1 (it is {threshold.ToString(CultureInfo.InvariantCulture)})");
        if (occurrence < 1) throw new OcrException($"occurrence must be 1 or more (it is {occurrence})");
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = await ReadAsync(step, pool, request).ConfigureAwait(false);
            var matches = PhraseMatcher.Find(screen.Result.Words, phrase);
            var good = matches.Where(m => m.Score >= threshold).ToList();
            if (good.Count >= occurrence) return Pick(good, occurrence);

            if (clock.Elapsed.TotalMilliseconds >= step.TimeoutMs)
            {
                var artifact = step.Context.NewArtifactPath(".png");
                await File.WriteAllBytesAsync(artifact, screen.Png, step.Context.CancellationToken).ConfigureAwait(false);
                step.Context.AddArtifact(artifact);
                var seconds = (step.TimeoutMs / 1000).ToString("0.#", CultureInfo.InvariantCulture);
                var closest = matches.Count == 0
                    ? "the screen shows no text OCR can read"
                    : good.Count > 0
                        ? $"it appears only {good.Count} time(s), not {occurrence}"
                        : $"the closest text is '{matches[0].Text}' (score {matches[0].Score.ToString("0.00", CultureInfo.InvariantCulture)}, below the threshold {threshold.ToString("0.00", CultureInfo.InvariantCulture)})";
                throw new OcrException($"the text '{phrase}' was not found on the screen of {step.Page.Url} within {seconds} s: {closest}; screenshot: {artifact}");
            }

            await Task.Delay(200, step.Context.CancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The occurrence-th match in reading order among the best ones (within 0.05 of the best score), so an exact "Save"
    /// wins over a fuzzy "Saved" above it; when there are fewer best ones, among all good enough.
    /// </summary>
    private static PhraseMatch Pick(List<PhraseMatch> good, int occurrence)
    {
        var bestScore = good.Max(m => m.Score);
        var best = good.Where(m => m.Score >= bestScore - 0.05).ToList();
        var pool = best.Count >= occurrence ? best : good;
        return pool.OrderBy(m => m.Box.Y).ThenBy(m => m.Box.X).ElementAt(occurrence - 1);
    }

    private static OcrResult Scale(OcrResult result, double factor)
    {
        OcrBox S(OcrBox b) => new((int)Math.Round(b.X * factor), (int)Math.Round(b.Y * factor), (int)Math.Round(b.Width * factor), (int)Math.Round(b.Height * factor));
        return result with
        {
            Words = result.Words.Select(w => w with { Box = S(w.Box) }).ToList(),
            Lines = result.Lines.Select(l => l with { Box = S(l.Box) }).ToList(),
            Width = (int)Math.Round(result.Width * factor),
            Height = (int)Math.Round(result.Height * factor),
        };
    }
}
