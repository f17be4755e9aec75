namespace Rpa.Engine.Values;

/// <summary>The value types a bot's variables, arguments and activity inputs can have.</summary>
public enum DataType
{
    Any,
    Text,
    Number,
    Bool,
    DateTime,
    List,
    Object,
    Table,
}
