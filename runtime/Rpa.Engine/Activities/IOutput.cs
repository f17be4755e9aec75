namespace Rpa.Engine.Activities;

/// <summary>The untyped view of an <see cref="Output{T}"/>, used by the compiler and the descriptors.</summary>
public interface IOutput
{
    Type ValueType { get; }

    internal void Bind(string name, string? variable);
}
