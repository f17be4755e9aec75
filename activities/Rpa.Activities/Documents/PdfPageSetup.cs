namespace Rpa.Activities.Documents;

/// <summary>How HTML is laid out on paper: size, orientation, margins (CSS lengths) and an optional header and footer.</summary>
public sealed record PdfPageSetup
{
    /// <summary>The footer used when page numbers are asked for: "Page 2 of 5", centred, 9 pt.</summary>
    public const string PageNumberFooter =
        "<div style=\"width:100%;font-size:9pt;font-family:'Liberation Sans',Arial,sans-serif;text-align:center;color:#555\">Page <span class=\"pageNumber\"></span> of <span class=\"totalPages\"></span></div>";

    public PaperFormat Format { get; init; } = PaperFormat.A4;

    public bool Landscape { get; init; }

    public string MarginTop { get; init; } = "20mm";

    public string MarginBottom { get; init; } = "20mm";

    public string MarginLeft { get; init; } = "15mm";

    public string MarginRight { get; init; } = "15mm";

    /// <summary>
    /// HTML printed at the top of every page, or empty for none. Chromium fills elements with the classes
    /// pageNumber, totalPages, date, title and url; styles must be inline and the font size set (the default is tiny).
    /// </summary>
    public string Header { get; init; } = "";

    /// <summary>HTML printed at the bottom of every page, like <see cref="Header"/>.</summary>
    public string Footer { get; init; } = "";

    /// <summary>Sets all four margins to one CSS length.</summary>
    public PdfPageSetup WithMargin(string margin) => this with { MarginTop = margin, MarginBottom = margin, MarginLeft = margin, MarginRight = margin };
}
