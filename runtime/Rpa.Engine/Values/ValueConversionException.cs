namespace Rpa.Engine.Values;

/// <summary>A value could not be converted to the type an input, variable or argument declares.</summary>
public sealed class ValueConversionException(string message) : Exception(message);
