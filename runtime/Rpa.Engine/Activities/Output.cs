namespace Rpa.Engine.Activities;

/// <summary>
/// A typed activity output. The activity writes it with <c>context.Set(output, value)</c>; the journal records it and,
/// when the bot binds it to a variable, the variable receives it.
/// </summary>
public sealed class Output<T> : IOutput
{
    public string Name { get; private set; } = "";

    /// <summary>The variable the bot stores this output in, if any.</summary>
    public string? Variable { get; private set; }

    public Type ValueType => typeof(T);

    void IOutput.Bind(string name, string? variable)
    {
        Name = name;
        Variable = variable;
    }
}
