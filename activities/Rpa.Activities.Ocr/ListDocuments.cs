using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Ocr;

[Activity("OCR", "List documents", Description = "Lists the scanned documents in a folder (an inbox): images and PDFs, sorted by name, as full paths for a ForEach.")]
public sealed class ListDocuments : Activity
{
    [Input(Required = true, Description = "The folder; a relative path is relative to the bot's folder.")]
    public Input<string> Folder { get; set; } = new();

    [Input(Description = "File patterns separated by ';'.")]
    public Input<string> Patterns { get; set; } = new("*.png;*.jpg;*.jpeg;*.tif;*.tiff;*.bmp;*.webp;*.pdf");

    [Input(Description = "Include the folders inside it.")]
    public Input<bool> Recursive { get; set; } = new(false);

    [Output(Description = "The full paths, sorted by name.")]
    public Output<List<object?>> Files { get; set; } = new();

    [Output(Description = "How many there are.")]
    public Output<int> Count { get; set; } = new();

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var given = context.Get(Folder);
        var folder = context.ResolvePath(given);
        if (!Directory.Exists(folder)) throw new ActivityException($"the folder {given}{(folder == given ? "" : $" ({folder})")} does not exist");
        var option = context.Get(Recursive) ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly;
        var patterns = context.Get(Patterns).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (patterns.Length == 0) throw new ActivityException("patterns is empty; give at least one, such as *.png;*.pdf");
        var files = patterns
            .SelectMany(p => Directory.EnumerateFiles(folder, p, new EnumerationOptions { RecurseSubdirectories = option == SearchOption.AllDirectories, MatchCasing = MatchCasing.CaseInsensitive }))
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(f => (object?)f)
            .ToList();
        context.Set(Files, files);
        context.Set(Count, files.Count);
        return ValueTask.CompletedTask;
    }
}
