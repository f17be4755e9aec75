using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Documents;

[Activity("Documents", "Render template", Description = "Renders a Liquid template (HTML, text) with data: {{ data.customer.name }}, {% for row in data.rows %}. Values are HTML-encoded unless piped through raw; an unknown variable is an error.")]
public sealed class RenderTemplate : Activity
{
    [Input(Description = "The template text. Give this or TemplateFile.")]
    public Input<string> Template { get; set; } = new("");

    [Input(Description = "A template file; a relative path is relative to the bot's folder. Used when Template is empty.")]
    public Input<string> TemplateFile { get; set; } = new("");

    [Input(Description = "The data the template sees as 'data': an object, a list or a table.")]
    public Input<object?> Data { get; set; } = new();

    [Input(Description = "Whether values are HTML-encoded (for HTML templates; turn off for plain text).")]
    public Input<bool> EncodeHtml { get; set; } = new(true);

    [Input(Description = "Where to save the result (replaced in one step); empty: only the output.")]
    public Input<string> SaveAs { get; set; } = new("");

    [Output(Description = "The rendered text.")]
    public Output<string> Text { get; set; } = new();

    public override async ValueTask ExecuteAsync(ActivityContext context)
    {
        var template = Load(context, context.Get(Template), context.Get(TemplateFile));
        var text = template.Render(new Dictionary<string, object?> { ["data"] = context.Get(Data) }, context.Get(EncodeHtml));
        var saveAs = context.Get(SaveAs);
        if (saveAs.Length > 0)
        {
            var path = context.ResolvePath(saveAs);
            await PdfFiles.WriteAtomicallyAsync(path, System.Text.Encoding.UTF8.GetBytes(text), context.CancellationToken).ConfigureAwait(false);
            context.AddArtifact(path);
        }

        context.Set(Text, text);
    }

    internal static DocumentTemplate Load(ActivityContext context, string text, string file)
    {
        if (text.Length > 0) return DocumentTemplate.Parse(text, "given in template");
        if (file.Length > 0) return DocumentTemplate.Load(file, context.ResolvePath(file));
        throw new ActivityException("give the template text (template) or a template file (templateFile)");
    }
}
