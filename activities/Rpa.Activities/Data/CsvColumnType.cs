namespace Rpa.Activities.Data;

/// <summary>What a CSV column holds; the reader parses its text into the matching value.</summary>
internal enum CsvColumnType
{
    Text,
    Number,
    Date,
    Bool,
}
