using Rpa.Engine.Values;

namespace Rpa.Engine.Execution;

/// <summary>A named, typed value of a run. Every assignment converts to the declared type and bumps the version.</summary>
public sealed class Variable
{
    private object? _value;
    private int _version;

    public Variable(string name, DataType type, object? value = null, bool readOnly = false)
    {
        Name = name;
        Type = type;
        _value = value is null ? null : ValueConverter.ConvertTo(value, type);
        ReadOnly = readOnly;
    }

    public string Name { get; }

    public DataType Type { get; }

    /// <summary>Bot inputs are read-only.</summary>
    public bool ReadOnly { get; }

    /// <summary>A bot output declared secret: what is written to it becomes a secret of the run at once.</summary>
    public bool Secret { get; init; }

    public object? Value => _value;

    /// <summary>Raised on every assignment; expression engines use it to know what changed.</summary>
    public int Version => _version;

    public void Set(object? value)
    {
        if (ReadOnly) throw new ActivityExceptionFactory.ReadOnlyVariableException(Name);
        Assign(value);
    }

    internal void Assign(object? value)
    {
        try
        {
            _value = value is null ? null : ValueConverter.ConvertTo(value, Type);
        }
        catch (ValueConversionException e)
        {
            throw new Activities.ActivityException($"variable '{Name}' is {DataTypes.ToName(Type)}: {e.Message}", e);
        }

        Interlocked.Increment(ref _version);
    }

    public override string ToString() => $"{Name} ({DataTypes.ToName(Type)}) = {_value}";
}
