using System.Globalization;
using System.Text.RegularExpressions;
using Rpa.Engine.Activities;
using Rpa.Engine.Values;

namespace Rpa.Activities.Data;

/// <summary>What the Excel activities share: cell references, sheet names, and the values Excel can hold.</summary>
internal static partial class ExcelCells
{
    /// <summary>Excel's limit for the text of one cell.</summary>
    public const int MaxTextLength = 32_767;

    /// <summary>The first day Excel stores as a date serial without its 1900 leap-year error (serials before 61 are off by one day).</summary>
    private static readonly DateTime FirstDate = new(1900, 3, 1);

    private static readonly char[] SheetNameForbidden = [':', '\\', '/', '?', '*', '[', ']'];

    [GeneratedRegex("^([A-Za-z]{1,3})([1-9][0-9]{0,6})$")]
    private static partial Regex CellPattern();

    /// <summary>Parses a cell reference such as "A1" or "c12" into a 1-based column and row.</summary>
    public static (int Column, int Row) ParseCell(string? text)
    {
        var match = CellPattern().Match(text?.Trim() ?? "");
        var column = 0;
        if (match.Success)
        {
            foreach (var letter in match.Groups[1].Value.ToUpperInvariant())
            {
                column = (column * 26) + (letter - 'A' + 1);
            }
        }

        var row = match.Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
        if (!match.Success || column > 16_384 || row > 1_048_576)
        {
            throw new ActivityException($"the start cell must be a cell reference such as A1 or B3 (column A to XFD, row 1 to 1048576), not '{text}'");
        }

        return (column, row);
    }

    /// <summary>The reference of a cell, such as "C5", from a 1-based column and row.</summary>
    public static string Reference(int column, int row)
    {
        var letters = "";
        for (var c = column; c > 0; c = (c - 1) / 26)
        {
            letters = (char)('A' + ((c - 1) % 26)) + letters;
        }

        return letters + row.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Excel's rules for a sheet name; the message says which one <paramref name="name"/> breaks.</summary>
    public static string CheckSheetName(string? name)
    {
        var rules = "Excel allows 1 to 31 characters, none of : \\ / ? * [ ], and no ' at either end";
        if (string.IsNullOrWhiteSpace(name)) throw new ActivityException($"the sheet needs a name; {rules}");
        if (name.Length > 31 || name.IndexOfAny(SheetNameForbidden) >= 0 || name.StartsWith('\'') || name.EndsWith('\''))
        {
            throw new ActivityException($"the sheet name '{name}' is not allowed: {rules}");
        }

        return name;
    }

    /// <summary>The path must name an .xlsx workbook: the writer makes no other format, and Excel refuses a mismatched extension.</summary>
    public static void CheckWorkbookExtension(string? path)
    {
        var extension = Path.GetExtension(path ?? "");
        if (!extension.Equals(".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            var what = extension.Length == 0 ? "has no extension" : $"ends with '{extension}'";
            throw new ActivityException($"the workbook '{path}' {what}; WriteExcel writes .xlsx workbooks, so name it with .xlsx");
        }
    }

    /// <summary>
    /// A number cell as a bot number. Excel stores binary doubles and shows 15 significant digits; the decimal
    /// constructor rounds to exactly that, so 0.1 + 0.2 (stored as 0.30000000000000004) reads as 0.3.
    /// </summary>
    /// <exception cref="OverflowException">The number is beyond the range of a decimal (about 7.9e28).</exception>
    public static decimal ToDecimal(double value) => new(value);

    /// <summary>A date from a date serial (days since 1899-12-30), as Excel counts from 1 March 1900.</summary>
    public static bool TryFromSerial(decimal serial, out DateTimeOffset date)
    {
        date = default;
        if (serial < 61 || serial >= 2_958_466) return false;
        date = new DateTimeOffset(DateTime.FromOADate((double)serial), TimeSpan.Zero);
        return true;
    }

    /// <summary>
    /// A table value as MiniExcel should store it: decimal (a number), DateTime (a date serial), bool, text, or DBNull
    /// for an empty cell. Lists and objects become JSON text.
    /// </summary>
    /// <exception cref="ActivityException">Excel cannot hold the value; the message says why, without the cell.</exception>
    public static object Cell(object? value)
    {
        switch (ValueConverter.Normalize(value))
        {
            case null:
                return DBNull.Value;
            case decimal d:
                return d;
            case bool b:
                return b;
            case DateTimeOffset d:
                var utc = d.UtcDateTime;
                if (utc < FirstDate)
                {
                    throw new ActivityException($"the date {TextValues.Format(d, null, CultureInfo.InvariantCulture)} is before 1 March 1900, which Excel cannot store as a date; write it as text");
                }

                return DateTime.SpecifyKind(utc, DateTimeKind.Unspecified);
            case var other:
                var text = ValueConverter.ToText(other);
                if (text.Length > MaxTextLength)
                {
                    throw new ActivityException(string.Create(CultureInfo.InvariantCulture, $"the text is {text.Length:N0} characters long, but an Excel cell holds at most {MaxTextLength:N0}"));
                }

                return text;
        }
    }
}
