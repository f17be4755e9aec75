using System.Collections;

namespace Rpa.Engine.Values;

/// <summary>Maps between <see cref="DataType"/>, its JSON name and the CLR types that carry it.</summary>
public static class DataTypes
{
    public static string ToName(DataType type) => type switch
    {
        DataType.Any => "any",
        DataType.Text => "text",
        DataType.Number => "number",
        DataType.Bool => "bool",
        DataType.DateTime => "datetime",
        DataType.List => "list",
        DataType.Object => "object",
        DataType.Table => "table",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public static bool TryParse(string? name, out DataType type)
    {
        type = name?.ToLowerInvariant() switch
        {
            "any" => DataType.Any,
            "text" or "string" => DataType.Text,
            "number" or "decimal" => DataType.Number,
            "bool" or "boolean" => DataType.Bool,
            "datetime" or "date" => DataType.DateTime,
            "list" or "array" => DataType.List,
            "object" => DataType.Object,
            "table" => DataType.Table,
            _ => (DataType)(-1),
        };
        return (int)type >= 0;
    }

    public static IReadOnlyList<string> Names { get; } =
        Enum.GetValues<DataType>().Select(ToName).ToArray();

    /// <summary>The CLR type that holds values of <paramref name="type"/> at run time.</summary>
    public static Type ClrType(DataType type) => type switch
    {
        DataType.Text => typeof(string),
        DataType.Number => typeof(decimal),
        DataType.Bool => typeof(bool),
        DataType.DateTime => typeof(DateTimeOffset),
        DataType.List => typeof(List<object?>),
        DataType.Object => typeof(Dictionary<string, object?>),
        DataType.Table => typeof(Table),
        _ => typeof(object),
    };

    /// <summary>The data type an activity property of CLR type <paramref name="clr"/> shows in the designer.</summary>
    public static DataType FromClr(Type clr)
    {
        clr = Nullable.GetUnderlyingType(clr) ?? clr;
        if (clr == typeof(string) || clr.IsEnum || clr == typeof(TimeSpan)) return DataType.Text;
        if (clr == typeof(decimal) || clr == typeof(int) || clr == typeof(long) || clr == typeof(double)) return DataType.Number;
        if (clr == typeof(bool)) return DataType.Bool;
        if (clr == typeof(DateTimeOffset) || clr == typeof(DateTime) || clr == typeof(DateOnly)) return DataType.DateTime;
        if (clr == typeof(Table)) return DataType.Table;
        if (typeof(IDictionary<string, object?>).IsAssignableFrom(clr) || typeof(IReadOnlyDictionary<string, object?>).IsAssignableFrom(clr)) return DataType.Object;
        if (clr != typeof(string) && typeof(IEnumerable).IsAssignableFrom(clr)) return DataType.List;
        return DataType.Any;
    }

    /// <summary>Whether a value of type <paramref name="source"/> can be stored where <paramref name="target"/> is declared.</summary>
    public static bool IsAssignable(DataType source, DataType target) =>
        target == DataType.Any || source == DataType.Any || source == target
        || (target == DataType.Text && source is DataType.Number or DataType.Bool or DataType.DateTime)
        || (target == DataType.List && source == DataType.Table)
        || (target == DataType.Table && source == DataType.List);

    /// <summary>A short description of a run-time value's type, for error messages.</summary>
    public static string Describe(object? value) => value switch
    {
        null => "null",
        string => "text",
        decimal or int or long or double or float => "number",
        bool => "bool",
        DateTimeOffset or DateTime => "datetime",
        Table => "table",
        TableRow or IDictionary<string, object?> or IReadOnlyDictionary<string, object?> => "object",
        IEnumerable => "list",
        _ => value.GetType().Name,
    };
}
