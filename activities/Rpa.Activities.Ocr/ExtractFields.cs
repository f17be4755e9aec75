using Rpa.Activities.Ocr.Fields;
using Rpa.Engine.Activities;
using Rpa.Engine.Execution;

namespace Rpa.Activities.Ocr;

[Activity("OCR", "Extract fields", Description = "Finds named fields in a document's text or OCR words by anchors (labels such as 'Invoice No', 'Total') and patterns (date, amount, number, invoiceNumber, iban, currency, email, text, or a regex), each with a confidence 0–1. See docs/ocr.md for how to declare fields.")]
public sealed class ExtractFields : Activity
{
    [Input(Required = true, Description = "Field name → declaration: {\"anchor\": \"Invoice No\" or [\"Invoice No\", \"Invoice #\"], \"pattern\": \"invoiceNumber\", \"direction\": \"any\"}, {\"regex\": \"PO-(\\\\d+)\"}, or just a pattern name such as \"iban\".")]
    public Input<Dictionary<string, object?>> Fields { get; set; } = new();

    [Input(Description = "The document's text (from Read image text or Read PDF text). Used when words are not given.", Editor = "multiline")]
    public Input<string> Text { get; set; } = new("");

    [Input(Description = "The OCR words with boxes ({ text, x, y, width, height, confidence }), from Read image text or Read PDF text: better than text, since labels and values far apart on a row stay together and OCR confidence counts.")]
    public Input<List<object?>?> Words { get; set; } = new();

    [Input(Description = "How to read ambiguous numeric dates such as 03/04/2024: DayFirst (3 April) or MonthFirst (March 4).")]
    public Input<DateOrder> DateOrder { get; set; } = new(Ocr.DateOrder.DayFirst);

    [Output(Description = "Field name → value: text, a number (amount, number), \"yyyy-MM-dd\" (date), or null when not found.")]
    public Output<Dictionary<string, object?>> Values { get; set; } = new();

    [Output(Description = "Field name → confidence 0–1 (0 when not found).")]
    public Output<Dictionary<string, object?>> Confidences { get; set; } = new();

    [Output(Description = "Per field: { name, value, text, confidence, reason }: where the value came from, or why it was not found.")]
    public Output<List<object?>> Details { get; set; } = new();

    [Output(Description = "The names of the fields not found.")]
    public Output<List<object?>> Missing { get; set; } = new();

    [Output(Description = "The lowest confidence of all fields (0 when one is missing).")]
    public Output<decimal> Confidence { get; set; } = new();

    public override IEnumerable<string> Validate()
    {
        if (!Fields.IsLiteral || !Fields.IsSet) yield break;
        string? problem = null;
        try
        {
            FieldDeclaration.ParseAll(Fields.LiteralValue);
        }
        catch (ActivityException e)
        {
            problem = e.Message;
        }

        if (problem is not null) yield return problem;
    }

    public override ValueTask ExecuteAsync(ActivityContext context)
    {
        var declarations = FieldDeclaration.ParseAll(context.Get(Fields));
        var words = context.Get(Words);
        var text = context.Get(Text);
        List<TextRow> rows;
        if (words is { Count: > 0 }) rows = DocumentRows.FromWords(words);
        else if (text.Trim().Length > 0) rows = DocumentRows.FromText(text);
        else if (words is not null || Text.IsSet) rows = [];
        else throw new ActivityException("give the document as text or words (outputs of Read image text or Read PDF text)");

        var monthFirst = context.Get(DateOrder) == Ocr.DateOrder.MonthFirst;
        var results = declarations.Select(d => FieldExtractor.Extract(d, rows, monthFirst)).ToList();
        context.Set(Values, results.ToDictionary(r => r.Name, r => r.Value));
        context.Set(Confidences, results.ToDictionary(r => r.Name, r => (object?)OcrValues.Confidence(r.Confidence)));
        context.Set(Details, results.Select(r => (object?)new Dictionary<string, object?>
        {
            ["name"] = r.Name,
            ["value"] = r.Value,
            ["text"] = r.Text,
            ["confidence"] = OcrValues.Confidence(r.Confidence),
            ["reason"] = r.Reason,
        }).ToList());
        context.Set(Missing, results.Where(r => r.Value is null).Select(r => (object?)r.Name).ToList());
        context.Set(Confidence, results.Count == 0 ? 0m : results.Min(r => OcrValues.Confidence(r.Confidence)));
        return ValueTask.CompletedTask;
    }
}
