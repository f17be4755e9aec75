using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Download file", Description = "Clicks an element that starts a download and saves the file.", Needs = [ActivityNeeds.Browser])]
public sealed class DownloadFile : ElementActivity
{
    [Input(Description = "Where to save it (file or folder); relative paths are relative to the bot's folder. Empty: the run's artifacts folder with the server's file name.")]
    public Input<string> SaveAs { get; set; } = new("");

    [Output(Description = "The full path of the saved file.")]
    public Output<string> FilePath { get; set; } = new();

    protected override async Task RunOnAsync(BrowserStep step, ILocator element)
    {
        var context = step.Context;
        var saveAs = context.Get(SaveAs);
        var download = await step.Page.RunAndWaitForDownloadAsync(
            () => element.ClickAsync(new LocatorClickOptions { Timeout = step.TimeoutMs }),
            new PageRunAndWaitForDownloadOptions { Timeout = step.TimeoutMs }).ConfigureAwait(false);
        var target = saveAs.Length == 0
            ? System.IO.Path.Combine(context.Run.ArtifactsDirectory, download.SuggestedFilename)
            : context.ResolvePath(saveAs);
        if (Directory.Exists(target)) target = System.IO.Path.Combine(target, download.SuggestedFilename);
        await download.SaveAsAsync(target).ConfigureAwait(false);
        var failure = await download.FailureAsync().ConfigureAwait(false);
        if (failure is not null) throw new ActivityException($"the download of {download.Url} failed: {failure}");
        context.Set(FilePath, target);
    }
}
