using Rpa.Engine.Values;

namespace Rpa.Engine.Execution;

/// <summary>Variables visible at one place in a run: the bot's variables and arguments, plus loop and catch variables.</summary>
public sealed class VariableScope
{
    private readonly Dictionary<string, Variable> _variables = new(StringComparer.Ordinal);

    public VariableScope(VariableScope? parent = null)
    {
        Parent = parent;
    }

    public VariableScope? Parent { get; }

    public Variable Declare(string name, DataType type, object? value = null, bool readOnly = false, bool secret = false)
    {
        var variable = new Variable(name, type, value, readOnly) { Secret = secret };
        _variables[name] = variable;
        return variable;
    }

    public Variable? Find(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope._variables.TryGetValue(name, out var variable)) return variable;
        }

        return null;
    }

    public object? Get(string name) => (Find(name) ?? throw new ActivityExceptionFactory.UnknownVariableException(name)).Value;

    public void Set(string name, object? value) => (Find(name) ?? throw new ActivityExceptionFactory.UnknownVariableException(name)).Set(value);

    /// <summary>The variables visible here, inner scopes first, each name once.</summary>
    public IEnumerable<Variable> Visible()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            foreach (var variable in scope._variables.Values)
            {
                if (seen.Add(variable.Name)) yield return variable;
            }
        }
    }
}
