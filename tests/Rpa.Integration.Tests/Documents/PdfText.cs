using UglyToad.PdfPig;

namespace Rpa.Integration.Tests.Documents;

/// <summary>
/// The text of a PDF, read with PdfPig. A PDF printed on a machine without fonts has pages but no text, so an empty
/// text fails here loudly instead of passing as "a file exists".
/// </summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Pages(string path)
    {
        File.Exists(path).Should().BeTrue($"the PDF {path} should exist");
        using var document = PdfDocument.Open(path);
        var pages = document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))).ToList();
        pages.Should().NotBeEmpty($"{path} should have pages");
        pages.Should().AllSatisfy(text => text.Trim().Should().NotBeEmpty(
            $"every page of {path} should have text; an empty page usually means Chromium found no fonts (install fonts-liberation: bash runtime/setup.sh)"));
        return pages;
    }

    public static string All(string path) => string.Join("\n", Pages(path));
}
