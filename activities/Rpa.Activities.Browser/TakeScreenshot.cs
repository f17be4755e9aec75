using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Take screenshot", Description = "Saves a PNG of the page (visible part or full page) and lists it as an artifact of the run. Password fields and fields holding a secret of the run are covered by a black box.", Needs = [ActivityNeeds.Browser])]
public sealed class TakeScreenshot : BrowserActivity
{
    [Input(Description = "Where to save it; relative paths are relative to the bot's folder. Empty: the run's artifacts folder.")]
    public Input<string> SaveAs { get; set; } = new("");

    [Input(Description = "The whole page, not only what fits in the window.")]
    public Input<bool> FullPage { get; set; } = new(false);

    [Output(Description = "The full path of the PNG.")]
    public Output<string> FilePath { get; set; } = new();

    protected override async Task RunAsync(BrowserStep step)
    {
        var context = step.Context;
        var saveAs = context.Get(SaveAs);
        var path = saveAs.Length == 0 ? context.NewArtifactPath(".png") : context.ResolvePath(saveAs);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        await SecretScreenshots.ScreenshotAsync(step.Page, context.Run.Masker, new PageScreenshotOptions { Path = path, FullPage = context.Get(FullPage), Timeout = step.TimeoutMs }).ConfigureAwait(false);
        context.AddArtifact(path);
        context.Set(FilePath, path);
    }
}
