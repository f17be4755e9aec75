using System.Linq.Expressions;
using System.Reflection;
using System.Text.Json.Nodes;
using Rpa.Engine.Activities;
using Rpa.Engine.Descriptors;
using Rpa.Engine.Model;

namespace Rpa.Engine.Building;

/// <summary>Builds one activity of type <typeparamref name="T"/> with compile-checked property names.</summary>
public sealed class ActivityBuilder<T>(string id) : IActivityBuilder where T : Activity
{
    private readonly Dictionary<string, InputValue> _inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _outputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (SlotKind Kind, List<SlotItem> Items)> _slots = new(StringComparer.Ordinal);
    private readonly List<Connection> _connections = [];
    private string? _displayName;
    private string? _start;
    private JsonObject? _designer;

    public ActivityBuilder<T> DisplayName(string name)
    {
        _displayName = name;
        return this;
    }

    /// <summary>Gives an input a value: a literal (text, number, bool convert implicitly) or <c>InputValue.JavaScript(...)</c>.</summary>
    public ActivityBuilder<T> Set<TValue>(Expression<Func<T, Input<TValue>>> input, InputValue value)
    {
        _inputs[NameOf(input)] = value;
        return this;
    }

    /// <summary>Gives an input a literal value of any JSON shape.</summary>
    public ActivityBuilder<T> SetLiteral<TValue>(Expression<Func<T, Input<TValue>>> input, object? value)
    {
        _inputs[NameOf(input)] = InputValue.FromLiteral(Values.ValueConverter.ToJson(value));
        return this;
    }

    /// <summary>Stores an output in a variable.</summary>
    public ActivityBuilder<T> Output<TValue>(Expression<Func<T, Output<TValue>>> output, string variable)
    {
        _outputs[NameOf(output)] = variable;
        return this;
    }

    /// <summary>Puts one child in a single slot (If's Then, ForEach's Body).</summary>
    public ActivityBuilder<T> Child(Expression<Func<T, Activity?>> slot, IActivityBuilder child)
    {
        _slots[NameOf(slot)] = (SlotKind.Single, [new SlotItem(child.Build())]);
        return this;
    }

    /// <summary>Adds children, in order, to a list slot (Sequence's Activities).</summary>
    public ActivityBuilder<T> Children(Expression<Func<T, IReadOnlyList<Activity>>> slot, params IActivityBuilder[] children)
    {
        var name = NameOf(slot);
        if (!_slots.TryGetValue(name, out var existing)) _slots[name] = existing = (SlotKind.List, []);
        existing.Items.AddRange(children.Select(c => new SlotItem(c.Build())));
        return this;
    }

    /// <summary>Adds a named child to a map slot (a Switch case).</summary>
    public ActivityBuilder<T> Case(Expression<Func<T, IReadOnlyDictionary<string, Activity>>> slot, string key, IActivityBuilder child)
    {
        var name = NameOf(slot);
        if (!_slots.TryGetValue(name, out var existing)) _slots[name] = existing = (SlotKind.Map, []);
        existing.Items.Add(new SlotItem(child.Build(), key));
        return this;
    }

    /// <summary>Flowchart: when <paramref name="from"/> ends with <paramref name="outcome"/>, run <paramref name="to"/>.</summary>
    public ActivityBuilder<T> Connect(string from, string outcome, string to)
    {
        _connections.Add(new Connection(from, outcome, to));
        return this;
    }

    /// <summary>Flowchart: when <paramref name="from"/> is done, run <paramref name="to"/>.</summary>
    public ActivityBuilder<T> Connect(string from, string to) => Connect(from, Outcomes.Done, to);

    public ActivityBuilder<T> Start(string id)
    {
        _start = id;
        return this;
    }

    public ActivityBuilder<T> Designer(JsonObject layout)
    {
        _designer = layout;
        return this;
    }

    public ActivityDefinition Build() => new(id, TypeName)
    {
        DisplayName = _displayName,
        Inputs = new Dictionary<string, InputValue>(_inputs, StringComparer.Ordinal),
        Outputs = new Dictionary<string, string>(_outputs, StringComparer.Ordinal),
        Slots = _slots.ToDictionary(p => p.Key, p => new ActivitySlot(p.Value.Kind, p.Value.Items.ToList()), StringComparer.Ordinal),
        Connections = _connections.ToList(),
        Start = _start,
        Designer = _designer,
    };

    private static string TypeName => typeof(T).GetCustomAttribute<ActivityAttribute>()?.Type ?? typeof(T).Name;

    private static string NameOf(LambdaExpression expression) =>
        expression.Body is MemberExpression { Member: PropertyInfo property }
            ? ActivityRegistry.CamelCase(property.Name)
            : throw new ArgumentException("Use a property of the activity, such as x => x.Message.", nameof(expression));
}
