using Microsoft.Playwright;
using Rpa.Engine.Activities;

namespace Rpa.Activities.Browser;

[Activity("Browser", "Upload file", Description = "Sets the file of a file input (<input type=file>), as if the user chose it.", Needs = [ActivityNeeds.Browser])]
public sealed class UploadFile : ElementActivity
{
    [Input(Required = true, Description = "The file to upload; relative paths are relative to the bot's folder.")]
    public Input<string> File { get; set; } = new();

    protected override Task RunOnAsync(BrowserStep step, ILocator element)
    {
        var path = step.Context.ResolvePath(step.Context.Get(File));
        if (!System.IO.File.Exists(path)) throw new ActivityException($"the file to upload does not exist: {path}");
        return element.SetInputFilesAsync(path, new LocatorSetInputFilesOptions { Timeout = step.TimeoutMs });
    }
}
