namespace Rpa.Activities.Data;

/// <summary>What a column holds: the declared columns of ReadCsv and ReadExcel, the computed column of AddColumn.</summary>
public enum ColumnType
{
    /// <summary>Whatever the value is (AddColumn only).</summary>
    Any,
    Text,
    Number,
    Date,
    Bool,
}
