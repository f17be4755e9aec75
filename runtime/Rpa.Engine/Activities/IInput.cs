using Rpa.Engine.Expressions;

namespace Rpa.Engine.Activities;

/// <summary>The untyped view of an <see cref="Input{T}"/>, used by the compiler and the descriptors.</summary>
public interface IInput
{
    Type ValueType { get; }

    bool HasDefault { get; }

    object? DefaultValue { get; }

    internal void Bind(string name, CompiledExpression? expression, bool secret, bool required);
}
