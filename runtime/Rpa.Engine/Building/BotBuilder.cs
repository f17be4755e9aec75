using System.Text.Json.Nodes;
using Rpa.Engine.Model;
using Rpa.Engine.Values;

namespace Rpa.Engine.Building;

/// <summary>Builds a <see cref="BotDefinition"/> in C#; it is the same model bot.json gives.</summary>
public sealed class BotBuilder(string name)
{
    private readonly List<ArgumentDefinition> _inputs = [];
    private readonly List<ArgumentDefinition> _outputs = [];
    private readonly List<VariableDefinition> _variables = [];
    private string? _description;
    private int _version = 1;
    private IActivityBuilder? _root;

    public BotBuilder Description(string description)
    {
        _description = description;
        return this;
    }

    public BotBuilder Version(int version)
    {
        _version = version;
        return this;
    }

    public BotBuilder Input(string inputName, DataType type, object? defaultValue = null, bool required = false, bool secret = false, string? description = null)
    {
        _inputs.Add(new ArgumentDefinition(inputName, type)
        {
            Default = ValueConverter.ToJson(defaultValue),
            Required = required,
            Secret = secret,
            Description = description,
        });
        return this;
    }

    public BotBuilder Output(string outputName, DataType type, string? description = null, bool secret = false)
    {
        _outputs.Add(new ArgumentDefinition(outputName, type) { Description = description, Secret = secret });
        return this;
    }

    public BotBuilder Variable(string variableName, DataType type, object? value = null, string? description = null)
    {
        _variables.Add(new VariableDefinition(variableName, type) { Value = ValueConverter.ToJson(value), Description = description });
        return this;
    }

    public BotBuilder Root(IActivityBuilder root)
    {
        _root = root;
        return this;
    }

    public BotDefinition Build() => new()
    {
        Name = name,
        Description = _description,
        Version = _version,
        Inputs = _inputs.ToList(),
        Outputs = _outputs.ToList(),
        Variables = _variables.ToList(),
        Root = (_root ?? throw new InvalidOperationException("Give the bot a root activity with Root(...).")).Build(),
        Extensions = null as JsonObject,
    };
}
