namespace Rpa.Activities.Ocr.Fields;

/// <summary>The words on one visual line, left to right (a line of text, or words at the same height on a page).</summary>
internal sealed record TextRow(int Page, IReadOnlyList<Token> Tokens)
{
    public string Text => string.Join(' ', Tokens.Select(t => t.Text));
}
